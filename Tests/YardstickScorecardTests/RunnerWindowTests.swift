import Testing
import YardstickData
import YardstickEngine
import YardstickScorecard

/// The windows of a scored period seen from the as-of day (pure date arithmetic).
@Suite struct RunnerWindowTests {
    static let march = Period.month(year: 2017, month: 3)

    @Test func aPeriodOverOnTheAsOfDayIsWholeAndComparedWithWholePeriods() {
        let windows = ScoreWindows(period: Self.march, asOf: RunnerFixture.day("2017-03-31"))
        #expect(windows.window == Self.march)
        #expect(windows.previousWindow.label == "2017-02")
        #expect(windows.lastYearWindow.label == "2016-03")
        #expect(!windows.isEmpty)
    }

    /// 30 days into March: the previous window would be 30 days of February, which has 28, so
    /// it is the whole of February; last year's is 2016-03-01..2016-03-30.
    @Test func aRunningPeriodIsToDateAndItsComparisonsAreAsManyDaysClamped() {
        let windows = ScoreWindows(period: Self.march, asOf: RunnerFixture.day("2017-03-30"))
        #expect(windows.window.label == "2017-03-01..2017-03-30")
        #expect(windows.previousWindow.label == "2017-02")
        #expect(windows.lastYearWindow.label == "2016-03-01..2016-03-30")
        let early = ScoreWindows(period: Self.march, asOf: RunnerFixture.day("2017-03-01"))
        #expect(early.window.label == "2017-03-01..2017-03-01")
        #expect(early.previousWindow.label == "2017-02-01..2017-02-01")
    }

    @Test func aPeriodNotBegunHasEmptyWindows() {
        let windows = ScoreWindows(period: Self.march, asOf: RunnerFixture.day("2017-02-27"))
        #expect(windows.isEmpty)
        #expect(windows.window.label == "2017-03-01..2017-02-28")
        #expect(windows.window.days == 0)
        #expect(windows.previousWindow.label == "2017-02-01..2017-01-31")
    }

    /// A quarter 45 days in (2017-Q4 as of 2017-11-14): Q3 from 2017-07-01 for 45 days.
    @Test func aQuarterToDateIsComparedWithTheSameDaysOfThePreviousQuarter() {
        let windows = ScoreWindows(period: .quarter(year: 2017, quarter: 4), asOf: RunnerFixture.day("2017-11-14"))
        #expect(windows.window.label == "2017-10-01..2017-11-14")
        #expect(windows.previousWindow.label == "2017-07-01..2017-08-14")
        #expect(windows.lastYearWindow.label == "2016-10-01..2016-11-14")
    }
}

@Suite struct ScorePeriodsTests {
    static let asOf = RunnerFixture.day("2017-11-14")

    @Test func toDateNamesAreTheMonthQuarterAndYearOfTheAsOfDay() throws {
        let calendar = CalendarSettings()
        #expect(try ScorePeriods.period("MTD", asOf: Self.asOf, calendar: calendar).label == "2017-11")
        #expect(try ScorePeriods.period("qtd", asOf: Self.asOf, calendar: calendar).label == "2017-Q4")
        #expect(try ScorePeriods.period("YTD", asOf: Self.asOf, calendar: calendar).label == "2017")
        #expect(try ScorePeriods.period("2017-10", asOf: Self.asOf, calendar: calendar).label == "2017-10")
    }

    /// A fiscal year starting in April: 2017-11-14 lies in FY2018 (2017-04-01..2018-03-31).
    @Test func yearToDateIsTheFiscalYearWhenTheWorkspaceHasOne() throws {
        let period = try ScorePeriods.period(
            "YTD", asOf: Self.asOf, calendar: CalendarSettings(fiscalYearStartMonth: 4))
        #expect(period.label == "FY2018")
        #expect(period.firstDate == "2017-04-01")
    }

    @Test func withoutAPeriodTheLastFullMonthBeforeTheAsOfDayIsScored() throws {
        let periods = try ScorePeriods.periods(period: nil, range: nil, asOf: Self.asOf, calendar: CalendarSettings())
        #expect(periods.map(\.label) == ["2017-10"])
        let january = try ScorePeriods.periods(
            period: nil, range: nil, asOf: RunnerFixture.day("2018-01-05"), calendar: CalendarSettings())
        #expect(january.map(\.label) == ["2017-12"])
        let range = try ScorePeriods.periods(
            period: "MTD", range: "2017-08..2017-10", asOf: Self.asOf, calendar: CalendarSettings())
        #expect(range.map(\.label) == ["2017-08", "2017-09", "2017-10"])
    }

    @Test func asOfDatesMustBeRealISODates() {
        #expect(ScorePeriods.day("2017-02-28") == CivilDate.dayNumber(year: 2017, month: 2, day: 28))
        #expect(ScorePeriods.day("2017-02-29") == nil)
        #expect(ScorePeriods.day("17-02-01") == nil)
        #expect(ScorePeriods.day("yesterday") == nil)
    }
}
