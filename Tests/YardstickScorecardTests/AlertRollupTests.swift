import Testing
import YardstickEngine
import YardstickScorecard
import YardstickScoring

@Suite struct AlertRollupTests {
    static func rollupAlerts(
        _ rollups: [RollupSubject], asOf day: Int, settings: AlertSettings = AlertSettings(pace: PaceSettings())
    ) -> [Alert] {
        AlertDetector(settings: settings).alerts(
            forRollups: rollups, period: AlertFixture.october, window: AlertFixture.october,
            asOf: AlertFixture.oct(day), indicators: AlertFixture.indicators, model: AlertFixture.model)
    }

    @Test func aTeamIsMeasuredByItsOwnValueAgainstItsOwnTarget() throws {
        // 3000 of 10000 as of 20 October: 30 %, below every mark; pace expects 20/31 = 64.5 %.
        let alerts = Self.rollupAlerts([AlertReportFixture.team(revenue: 3000, target: 10000)], asOf: 20)
        #expect(alerts.map(\.kind) == [.behindPace])
        let alert = try #require(alerts.first)
        #expect(alert.subject == SubjectKey(.team, "T1"))
        #expect(alert.subjectName == "East")
        #expect(alert.completion == 0.3)
        #expect(alert.remaining == 7000)
        #expect(AlertFixture.isClose(alert.neededPerDay, 7000.0 / 11))
        #expect(alert.pipeline == nil)
        #expect(alert.targetRule == "quota revenue: own row")
        #expect(alert.tier == .stretch)
    }

    @Test func aTeamWithoutATargetOrAValueRaisesNothing() {
        #expect(Self.rollupAlerts([AlertReportFixture.team(revenue: 3000, target: nil)], asOf: 20).isEmpty)
        #expect(Self.rollupAlerts([AlertReportFixture.team(revenue: nil, target: 10000)], asOf: 20).isEmpty)
    }

    @Test func theModelsDirectionDecidesForAUnit() throws {
        // cycle_days is lower-is-better in the model: 90 days against 60 is 60/90, no pace.
        var team = AlertReportFixture.team(revenue: nil, target: nil)
        team.figures = [
            RollupFigure(
                indicatorID: "cycle_days", value: 90, target: ResolvedTarget(value: 60, rule: "constant 60"),
                completion: Completion(value: 90, target: 60, direction: .lowerIsBetter))
        ]
        let alerts = Self.rollupAlerts([team], asOf: 20)
        #expect(alerts.map(\.kind) == [.milestone])
        #expect(AlertFixture.isClose(alerts.first?.completion, 60.0 / 90))
        #expect(alerts.first?.direction == .lowerIsBetter)
        #expect(alerts.first?.remaining == 30)
    }

    @Test func periodScoresGiveSubjectsFirstThenUnits() throws {
        let report = try AlertReportFixture.report()
        let alerts = try #require(report.periods.first).alerts
        #expect(alerts.map(\.subject.description) == ["user:u1", "user:u1", "user:u2", "team:T1"])
        #expect(alerts.map(\.kind) == [.milestone, .behindPace, .milestone, .behindPace])
    }
}

@Suite struct PaceCalendarTests {
    @Test func dayZeroIsAThursday() {
        #expect(PaceCalendar.weekday(of: 0) == 4)
        #expect(PaceCalendar.weekday(of: -1) == 3)
        #expect(PaceCalendar.weekday(of: AlertFixture.oct(1)) == 7)  // 1 October 2017, a Sunday
    }

    @Test func octoberHas22WeekdaysAnd21WorkingDaysWithOneHoliday() {
        let weekdays = PaceCalendar(settings: PaceSettings(workingDaysOnly: true))
        #expect(weekdays.countedDays(in: AlertFixture.october) == 22)
        let withHoliday = PaceCalendar(settings: PaceSettings(workingDaysOnly: true, holidays: [AlertFixture.oct(2)]))
        #expect(withHoliday.countedDays(in: AlertFixture.october) == 21)
        #expect(PaceCalendar(settings: nil).countedDays(in: AlertFixture.october) == 31)
        // Working days off: weekdays and holidays do not matter.
        #expect(
            PaceCalendar(settings: PaceSettings(holidays: [AlertFixture.oct(2)])).countedDays(in: AlertFixture.october)
                == 31)
    }

    @Test(arguments: [
        (0, 0, 21), (1, 0, 21), (2, 0, 21), (3, 1, 20), (10, 6, 15), (14, 9, 12), (31, 21, 0), (40, 21, 0),
    ])
    func elapsedAndRemainingAddUpToThePeriod(asOf day: Int, elapsed: Int, remaining: Int) {
        let calendar = PaceCalendar(settings: PaceSettings(workingDaysOnly: true, holidays: [AlertFixture.oct(2)]))
        #expect(calendar.elapsedDays(of: AlertFixture.october, asOf: AlertFixture.oct(day)) == elapsed)
        #expect(calendar.remainingDays(of: AlertFixture.october, asOf: AlertFixture.oct(day)) == remaining)
    }

    @Test func aWeekendOnlyWorkingWeekIsCounted() {
        let weekend = PaceCalendar(settings: PaceSettings(workingDaysOnly: true, workingWeekdays: [6, 7]))
        #expect(weekend.countedDays(in: AlertFixture.october) == 9)  // 1, 7, 8, 14, 15, 21, 22, 28, 29
    }
}
