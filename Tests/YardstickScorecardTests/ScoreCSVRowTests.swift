import Testing
import YardstickEngine

@testable import YardstickScorecard

/// The byte-level row of the score CSV writes exactly what the string forms would.
@Suite struct ScoreCSVRowTests {
    @Test(arguments: [
        0.0, -0.0, 1, -1, 7, 10, 105, -2_500, 123_456_789_012_345, -999_999_999_999_999, 1e15, -1e15, 0.5, 1.05,
        1.0 / 3.0, -2.75, 1e-7, 123456.789, 9.2e18, -9.3e18, .nan, .infinity, -.infinity,
    ])
    func numbersAreWrittenAsThePlainTextOfTheRun(number: Double) {
        var bytes: [UInt8] = []
        ScoreNumberText.appendPlain(number, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == ResultValue.number(number).plainText)
    }

    @Test(arguments: [Int64.min, Int64.max, 0, -1, 9, 10, 1_000_000, -1_234_567_890_123])
    func wholeNumbersAreWrittenAsTheirDigits(number: Int64) {
        var bytes: [UInt8] = []
        ScoreNumberText.appendDigits(number, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == String(number))
    }

    @Test func cellsSetInAnyOrderAreWrittenInColumnOrderEscapedOnce() {
        var row = ScoreCSVRow()
        row.set(.missingReason, "no \"quota\", none")
        row.set(.score, 87.5)
        row.set(.period, "2026-10")
        row.set(.rank, 3)
        row.set(.grade, "")
        row.set(.total, nil as Double?)
        var bytes: [UInt8] = []
        row.write(to: &bytes)
        let cells = Array(repeating: "", count: ScoreCSVColumn.allCases.count)
        var expected = cells
        expected[ScoreCSVColumn.period.rawValue] = "2026-10"
        expected[ScoreCSVColumn.score.rawValue] = "87.5"
        expected[ScoreCSVColumn.rank.rawValue] = "3"
        expected[ScoreCSVColumn.missingReason.rawValue] = "\"no \"\"quota\"\", none\""
        #expect(String(decoding: bytes, as: UTF8.self) == expected.joined(separator: ",") + "\n")

        // A cleared row keeps nothing of the previous one.
        row.clear()
        row.set(.indicator, "win_rate")
        bytes = []
        row.write(to: &bytes)
        expected = cells
        expected[ScoreCSVColumn.indicator.rawValue] = "win_rate"
        #expect(String(decoding: bytes, as: UTF8.self) == expected.joined(separator: ",") + "\n")
        #expect(row[.indicator] == "win_rate")
    }
}
