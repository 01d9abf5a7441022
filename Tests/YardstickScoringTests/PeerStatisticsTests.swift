import Testing
import YardstickScoring

@Suite struct PeerStatisticsTests {
    @Test func evenCountUsesTheMeanOfTheMiddleTwoAndPopulationDeviation() {
        // 2 4 4 4 5 5 7 9: mean 40 / 8 = 5; median (4 + 5) / 2 = 4.5;
        // squared deviations 9 1 1 1 0 0 4 16 = 32; 32 / 8 = 4; sqrt 4 = 2.
        let statistics = PeerStatistics(values: [9, 4, 2, 5, 4, 7, 4, 5])
        #expect(statistics.count == 8)
        #expect(statistics.mean == 5)
        #expect(statistics.median == 4.5)
        #expect(statistics.minimum == 2)
        #expect(statistics.maximum == 9)
        #expect(statistics.standardDeviation == 2)
    }

    @Test func oddCountTakesTheMiddleValueAndMissingValuesAreLeftOut() {
        // 60, 80, 100 (nil left out): mean 80, median 80; deviations 400 0 400 → 800 / 3 → sqrt 16.33…
        let statistics = PeerStatistics(values: [100, nil, 60, 80])
        #expect(statistics.count == 3)
        #expect(statistics.median == 80)
        #expect(isClose(statistics.standardDeviation, (800.0 / 3).squareRoot()))
    }

    @Test func oneValueHasNoSpread() {
        let statistics = PeerStatistics(values: [42])
        #expect(statistics.median == 42)
        #expect(statistics.standardDeviation == 0)
    }

    @Test func noValuesGiveOnlyACountOfZero() {
        let statistics = PeerStatistics(values: [nil])
        #expect(statistics.count == 0)
        #expect(statistics.mean == nil)
        #expect(statistics.median == nil)
        #expect(statistics.standardDeviation == nil)
    }
}
