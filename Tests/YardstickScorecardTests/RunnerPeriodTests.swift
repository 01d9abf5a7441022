import Testing
import YardstickEngine
import YardstickScorecard
import YardstickScoring

/// To-date windows with --as-of, 环比 and 同比, ranges, and periods not begun, over the fixture.
@Suite struct RunnerPeriodTests {
    /// As of 2017-10-15: u1 has o1 (100) and lost o6; u2 o3 (300) and lost o7; u3 nothing won
    /// and lost o8. Targets stay the month's (250): u1 100/250 → 40, total 24 + 40 = 64; u2 112;
    /// u3 0 + 40 = 40. Ranks u2 1, u1 2, u3 3.
    @Test func aRunningMonthIsScoredToDateAgainstTheWholeMonthsTargets() throws {
        let report = try RunnerFixture.score(RunnerFixture.salesModel(), asOf: "2017-10-15")
        let october = report.periods[0]
        #expect(october.isToDate)
        #expect(october.window.label == "2017-10-01..2017-10-15")
        #expect(october.previousWindow.label == "2017-09-01..2017-09-15")
        #expect(october.lastYearWindow.label == "2016-10-01..2016-10-15")
        #expect(october.subjects.map(\.scorecard.total) == [64, 112, 40])
        #expect(october.subjects.map(\.scorecard.rank) == [2, 1, 3])
        #expect(october[subject: "u1"]?.targets["revenue"]?.value == 250)
        #expect(report.asOf == RunnerFixture.day("2017-10-15"))
    }

    /// 15 days in: u1's September to the 15th is o11 (120), October 2016 to the 15th o13 (90);
    /// u2's o12 (2017-09-20) falls outside its window.
    @Test func toDateComparisonsUseAsManyDaysOfThePreviousAndLastYearsPeriods() throws {
        let report = try RunnerFixture.score(RunnerFixture.salesModel(), asOf: "2017-10-15")
        let u1 = try #require(report.periods[0][subject: "u1"]?.comparisons["revenue"])
        #expect(u1 == IndicatorComparison(value: 100, previous: 120, lastYear: 90))
        #expect(u1.changeFromPrevious == -20)
        #expect(u1.changeFromLastYear == 10)
        let u2 = try #require(report.periods[0][subject: "u2"]?.comparisons["revenue"])
        #expect(u2 == IndicatorComparison(value: 300, previous: 0, lastYear: 0))
    }

    /// The whole month: u1 300 against September's 120 (+180, +150 %) and October 2016's 90;
    /// u2 300 against 60 and 0; u3 150 against 0 and 30.
    @Test func wholeMonthComparisonsAreAgainstTheWholePreviousAndLastYearsMonths() throws {
        let report = try RunnerFixture.score(RunnerFixture.salesModel())
        let october = report.periods[0]
        #expect(october.previousWindow.label == "2017-09")
        #expect(october.lastYearWindow.label == "2016-10")
        let u1 = try #require(october[subject: "u1"]?.comparisons["revenue"])
        #expect(u1 == IndicatorComparison(value: 300, previous: 120, lastYear: 90))
        #expect(u1.relativeChangeFromPrevious == 1.5)
        #expect(
            october[subject: "u2"]?.comparisons["revenue"] == IndicatorComparison(value: 300, previous: 60, lastYear: 0)
        )
        #expect(
            october[subject: "u3"]?.comparisons["revenue"] == IndicatorComparison(value: 150, previous: 0, lastYear: 30)
        )
        // lost_deals: u3 lost o8 and o9 in October, none in September or October 2016.
        #expect(
            october[subject: "u3"]?.comparisons["lost_deals"] == IndicatorComparison(value: 2, previous: 0, lastYear: 0)
        )
    }

    /// September 2017: u1 120/250 → 48, no lost deal (0 against 1, lower is better: met) → 100:
    /// 28.8 + 40 = 68.8; u2 60/250 → 24: 14.4 + 40 = 54.4; u3 nothing: 0 + 40 = 40.
    @Test func everyPeriodOfARangeIsScoredFromTheSameRun() throws {
        let report = try RunnerFixture.score(
            RunnerFixture.salesModel(), periods: [.month(year: 2017, month: 9), RunnerFixture.october])
        #expect(report.periods.map(\.period.label) == ["2017-09", "2017-10"])
        let september = report.periods[0].subjects.map { $0.scorecard.total ?? -1 }
        for (total, expected) in zip(september, [68.8, 54.4, 40]) {
            #expect(abs(total - expected) < 1e-9)
        }
        #expect(report.periods[1].subjects.map(\.scorecard.total) == [112, 112, 52])
    }

    @Test func aPeriodNotBegunOnTheAsOfDayHasNoValuesAndSaysWhy() throws {
        let report = try RunnerFixture.score(RunnerFixture.salesModel(), asOf: "2017-09-20")
        let october = report.periods[0]
        #expect(october.window.label == "2017-10-01..2017-09-30")
        let u1 = try #require(october[subject: "u1"])
        #expect(u1.missingValueReasons["revenue"]?.contains("2017-10-01") == true)
        #expect(u1.comparisons["revenue"] == IndicatorComparison(value: nil, previous: nil, lastYear: nil))
        // Counted as zero under the default policy.
        #expect(u1.scorecard.total == 0)
    }

    /// Without comparisons only the scored window is evaluated: the same totals as with them
    /// (u3: 36 + 0.4 × (0.5 × 40 + 0.5 × 100) = 64), no 环比/同比, and `broken` fails for Bo once
    /// (October) instead of three times.
    @Test func withoutComparisonsOnlyTheScoredWindowsAreEvaluated() throws {
        let loaded = try RunnerFixture.load()
        var settings = RunnerFixture.salesModel().indicators
        settings["broken"] = IndicatorSettings("broken", target: .constant(1))
        let definition = RunnerFixture.salesModel(
            settings: settings, extraLeaf: ScorecardIndicator("broken", weight: 50, function: .passFail))
        var runner = ScorecardRunner(
            evaluator: loaded.evaluator, selection: loaded.selection, definition: definition,
            asOf: RunnerFixture.day("2017-11-15"))
        runner.comparesPeriods = false
        let report = try runner.score(periods: [RunnerFixture.october])
        #expect(report.periods[0].subjects.map(\.scorecard.total) == [112, 92, 64])
        #expect(report.periods[0].subjects.allSatisfy { $0.comparisons.isEmpty })
        #expect(report.failures.map(\.periodLabel) == ["2017-10"])
    }
}
