import Testing
import YardstickEngine
import YardstickScorecard
import YardstickScoring

@Suite struct AlertMilestoneTests {
    /// Milestones only: no pace, no reminder, marks given out of order.
    static let milestonesOnly = AlertSettings(milestones: [1.2, 0.5, 1.0, 0.8])

    @Test(arguments: [
        (500.0, 0.5), (800, 0.8), (1000, 1.0), (1200, 1.2),  // each mark exactly
        (799.9, 0.5), (999.9, 0.8), (1199.9, 1.0), (2000, 1.2),  // just below the next, far past the last
    ])
    func theHighestMarkReachedIsNamedOnce(value: Double, mark: Double) throws {
        let alerts = try AlertFixture.revenueAlerts(value, asOf: 31, settings: Self.milestonesOnly)
        #expect(alerts.count == 1)
        let alert = try #require(alerts.first)
        #expect(alert.kind == .milestone)
        #expect(alert.mark == mark)
        #expect(alert.subject == SubjectKey(.user, "u1"))
        #expect(alert.subjectName == "Ann")
        #expect(alert.indicatorID == "revenue")
        #expect(alert.periodLabel == "2017-10")
        #expect(AlertFixture.isClose(alert.completion, value / 1000))
    }

    @Test func noMilestoneBelowTheLowestMark() throws {
        #expect(try AlertFixture.revenueAlerts(499.9, asOf: 31, settings: Self.milestonesOnly).isEmpty)
        #expect(try AlertFixture.revenueAlerts(0, asOf: 31, settings: Self.milestonesOnly).isEmpty)
    }

    @Test func aMarkReachedThroughFloatingRoundingCounts() throws {
        // 0.7 + 0.1 is 0.7999999999999999 in binary floating point: it reaches the 80 % mark.
        let alerts = try AlertFixture.alerts(
            [.init(id: "u1", name: "Ann", revenue: 0.7 + 0.1, revenueTarget: 1, cycleTarget: nil)], asOf: 31,
            settings: Self.milestonesOnly)
        #expect(alerts.map(\.mark) == [0.8])
    }

    @Test func noMarksMeansNoMilestones() throws {
        #expect(try AlertFixture.revenueAlerts(1500, asOf: 31, settings: AlertSettings(milestones: [])).isEmpty)
    }
}

@Suite struct AlertPaceTests {
    /// Pace on calendar days, tolerance 10 %, no milestones.
    static let calendarPace = AlertSettings(milestones: [], pace: PaceSettings(tolerance: 0.10))
    /// Pace on working days (Monday to Friday) with 2 October 2017 a holiday.
    static let workingPace = AlertSettings(
        milestones: [],
        pace: PaceSettings(tolerance: 0.10, workingDaysOnly: true, holidays: [AlertFixture.oct(2)]))

    @Test(arguments: [
        // as of, value, behind?  Expected = days elapsed / 31; behind below expected − 0.10.
        (10, 200.0, true), (10, 250, false),  // expected 10/31 = 0.3226: threshold 0.2226
        (20, 540, true), (20, 550, false),  // expected 20/31 = 0.6452: threshold 0.5452
        (31, 899, true), (31, 900, false),  // expected 1: threshold 0.9 (not behind at it exactly)
        (1, 0, false),  // expected 1/31 = 0.0323: within the tolerance
    ])
    func behindOnCalendarDays(asOf day: Int, value: Double, behind: Bool) throws {
        let alerts = try AlertFixture.revenueAlerts(value, asOf: day, settings: Self.calendarPace)
        #expect(alerts.map(\.kind) == (behind ? [.behindPace] : []))
    }

    @Test func aBehindAlertSaysWhereTheSubjectStandsAndWhatEachDayNeeds() throws {
        let alert = try #require(try AlertFixture.revenueAlerts(500, asOf: 20, settings: Self.calendarPace).first)
        #expect(alert.kind == .behindPace)
        #expect(alert.value == 500)
        #expect(alert.target == 1000)
        #expect(alert.completion == 0.5)
        #expect(AlertFixture.isClose(alert.expectedCompletion, 20.0 / 31))
        #expect(alert.remainingDays == 11)  // 21 … 31 October
        #expect(alert.remaining == 500)
        #expect(AlertFixture.isClose(alert.neededPerDay, 500.0 / 11))
        #expect(alert.mark == nil)
        #expect(alert.direction == .higherIsBetter)
    }

    @Test(arguments: [
        // as of, value, behind?  21 working days; expected = working days elapsed / 21.
        (10, 180.0, true), (10, 190, false),  // 3–6, 9, 10 Oct: 6 days, expected 0.2857, threshold 0.1857
        (14, 320, true), (14, 330, false),  // a Saturday: 9 days, expected 0.4286, threshold 0.3286
        (1, 0, false), (2, 0, false),  // a Sunday, then the holiday: no working day elapsed yet
        (3, 0, false),  // one working day: expected 1/21 = 0.0476, within the tolerance
    ])
    func behindOnWorkingDaysWithAHoliday(asOf day: Int, value: Double, behind: Bool) throws {
        let alerts = try AlertFixture.revenueAlerts(value, asOf: day, settings: Self.workingPace)
        #expect(alerts.map(\.kind) == (behind ? [.behindPace] : []))
    }

    @Test func workingDaysCountTheRemainingDaysAndTheNeedPerDay() throws {
        let alert = try #require(try AlertFixture.revenueAlerts(180, asOf: 10, settings: Self.workingPace).first)
        #expect(AlertFixture.isClose(alert.expectedCompletion, 6.0 / 21))
        #expect(alert.remainingDays == 15)  // 21 working days − 6 elapsed
        #expect(alert.remaining == 820)
        #expect(AlertFixture.isClose(alert.neededPerDay, 820.0 / 15))
        let saturday = try #require(try AlertFixture.revenueAlerts(320, asOf: 14, settings: Self.workingPace).first)
        #expect(AlertFixture.isClose(saturday.expectedCompletion, 9.0 / 21))
        #expect(saturday.remainingDays == 12)
        #expect(AlertFixture.isClose(saturday.neededPerDay, 680.0 / 12))
    }

    @Test func calendarDaysGiveADifferentPaceThanWorkingDays() throws {
        // 190 as of 10 October: behind on calendar days (threshold 0.2226), not on working days
        // (threshold 0.1857).
        #expect(try AlertFixture.revenueAlerts(190, asOf: 10, settings: Self.calendarPace).map(\.kind) == [.behindPace])
        #expect(try AlertFixture.revenueAlerts(190, asOf: 10, settings: Self.workingPace).isEmpty)
    }

    @Test func noPaceBeforeThePeriodStartsOrAfterItEnds() throws {
        let before = try AlertFixture.revenueAlerts(0, asOf: 0, settings: Self.calendarPace)
        #expect(before.isEmpty)
        let after = try AlertFixture.revenueAlerts(100, asOf: 32, settings: Self.calendarPace)
        #expect(after.isEmpty)
        // The figures an alert carries after the end: everything elapsed, nothing left.
        let milestone = try #require(
            try AlertFixture.revenueAlerts(
                600, asOf: 40, settings: AlertSettings(milestones: [0.5], pace: PaceSettings())
            ).first)
        #expect(milestone.expectedCompletion == 1)
        #expect(milestone.remainingDays == 0)
        #expect(milestone.neededPerDay == nil)
        #expect(milestone.remaining == 400)
    }

    @Test func beforeThePeriodEveryDayRemains() throws {
        let alert = try #require(
            try AlertFixture.revenueAlerts(
                600, asOf: -5, settings: AlertSettings(milestones: [0.5], pace: PaceSettings())
            ).first)
        #expect(alert.expectedCompletion == 0)
        #expect(alert.remainingDays == 31)
        #expect(AlertFixture.isClose(alert.neededPerDay, 400.0 / 31))
    }

    @Test func aMetTargetIsNeverBehindAndNeedsNothing() throws {
        // With a tolerance of −0.6 the threshold is 1.6 on the last day: a met target is still not behind.
        let strict = AlertSettings(milestones: [], pace: PaceSettings(tolerance: -0.6))
        #expect(try AlertFixture.revenueAlerts(1000, asOf: 31, settings: strict).isEmpty)
        let met = try #require(
            try AlertFixture.revenueAlerts(1100, asOf: 20, settings: AlertSettings(milestones: [1]))
                .first)
        #expect(met.remaining == 0)
        #expect(met.neededPerDay == 0)
    }

    @Test func withoutPaceSettingsThereAreNoPaceAlertsButTheExpectationIsOnCalendarDays() throws {
        let settings = AlertSettings(milestones: [0.1])
        let alerts = try AlertFixture.revenueAlerts(150, asOf: 20, settings: settings)
        #expect(alerts.map(\.kind) == [.milestone])
        #expect(AlertFixture.isClose(alerts.first?.expectedCompletion, 20.0 / 31))
        #expect(alerts.first?.remainingDays == 11)
    }
}

@Suite struct AlertReminderTests {
    /// The reminder only: 5 days' lead, below 80 %.
    static let reminder = AlertSettings(milestones: [], reminder: ReminderSettings(leadDays: 5, below: 0.8))

    @Test(arguments: [
        (25, false), (26, true), (28, true), (31, true), (32, false), (0, false),
    ])
    func remindsWithinTheLeadOfThePeriodsLastDay(asOf day: Int, reminded: Bool) throws {
        let alerts = try AlertFixture.revenueAlerts(700, asOf: day, settings: Self.reminder)
        #expect(alerts.map(\.kind) == (reminded ? [.periodEnd] : []))
    }

    @Test func remindsOnlyBelowTheLevel() throws {
        #expect(try AlertFixture.revenueAlerts(799, asOf: 28, settings: Self.reminder).map(\.kind) == [.periodEnd])
        #expect(try AlertFixture.revenueAlerts(800, asOf: 28, settings: Self.reminder).isEmpty)
    }

    @Test func theReminderSaysWhatEachRemainingDayNeeds() throws {
        let alert = try #require(try AlertFixture.revenueAlerts(700, asOf: 28, settings: Self.reminder).first)
        #expect(alert.remainingDays == 3)  // 29, 30, 31 October
        #expect(alert.remaining == 300)
        #expect(AlertFixture.isClose(alert.neededPerDay, 100))
        #expect(AlertFixture.isClose(alert.expectedCompletion, 28.0 / 31))
    }

    @Test func onTheLastDayNothingRemainsToSpreadTheNeedOver() throws {
        let alert = try #require(try AlertFixture.revenueAlerts(700, asOf: 31, settings: Self.reminder).first)
        #expect(alert.remainingDays == 0)
        #expect(alert.remaining == 300)
        #expect(alert.neededPerDay == nil)
    }

    @Test func everyKindRaisedForOneIndicatorComesInOrder() throws {
        let settings = AlertSettings(
            pace: PaceSettings(tolerance: 0.1), reminder: ReminderSettings(leadDays: 5, below: 0.8))
        let alerts = try AlertFixture.revenueAlerts(600, asOf: 29, settings: settings)
        // 60 %: the 50 % mark; expected 29/31 = 0.935, threshold 0.835: behind; reminder due.
        #expect(alerts.map(\.kind) == [.milestone, .behindPace, .periodEnd])
        #expect(alerts.first?.mark == 0.5)
    }
}

@Suite struct LowerIsBetterAlertTests {
    static let settings = AlertSettings(
        pace: PaceSettings(tolerance: 0.1), reminder: ReminderSettings(leadDays: 5, below: 0.8))

    static func cycleAlerts(_ days: Double, asOf day: Int) throws -> [Alert] {
        try AlertFixture.alerts(
            [.init(id: "u2", name: "王芳", revenue: nil, revenueTarget: nil, cycleDays: days)], asOf: day,
            settings: settings)
    }

    @Test func aCeilingHasNoPaceButMilestonesAndTheReminderApply() throws {
        // 80 days against a ceiling of 60: completion 60/80 = 0.75 (the 50 % mark), far below the
        // expected share as of 20 October had it been a pace — but a ceiling does not fill up.
        let midMonth = try Self.cycleAlerts(80, asOf: 20)
        #expect(midMonth.map(\.kind) == [.milestone])
        let alert = try #require(midMonth.first)
        #expect(alert.indicatorID == "cycle_days")
        #expect(alert.direction == .lowerIsBetter)
        #expect(alert.completion == 0.75)
        #expect(alert.mark == 0.5)
        #expect(alert.expectedCompletion == 1)
        #expect(alert.remaining == 20)  // the excess over the ceiling
        #expect(alert.neededPerDay == nil)
        #expect(alert.remainingDays == 11)
        #expect(!alert.isPaced)
        #expect(try Self.cycleAlerts(80, asOf: 27).map(\.kind) == [.milestone, .periodEnd])
    }

    @Test func underTheCeilingNothingRemains() throws {
        let alerts = try Self.cycleAlerts(40, asOf: 20)
        #expect(alerts.map(\.kind) == [.milestone])
        #expect(alerts.first?.mark == 1.2)  // 60/40 = 1.5
        #expect(alerts.first?.remaining == 0)
    }
}

@Suite struct AlertInputTests {
    static let settings = AlertSettings(
        milestones: [0, 0.5], pace: PaceSettings(), reminder: ReminderSettings(leadDays: 31, below: 2))

    @Test func noAlertWithoutAValueATargetOrACompletionRatio() throws {
        let alerts = try AlertFixture.alerts(
            [
                .init(id: "a", name: "No value", revenue: nil, cycleTarget: nil),
                .init(id: "b", name: "No target", revenue: 500, revenueTarget: nil, cycleTarget: nil),
                .init(id: "c", name: "Zero target", revenue: 500, revenueTarget: 0, cycleTarget: nil),
                .init(id: "d", name: "Negative", revenue: -5, cycleTarget: nil),
                .init(id: "e", name: "Zero days", revenue: nil, revenueTarget: nil, cycleDays: 0),
            ], asOf: 20, settings: Self.settings)
        #expect(alerts.isEmpty)
    }

    @Test func subjectsComeInOrderAndIndicatorsInModelOrder() throws {
        let alerts = try AlertFixture.alerts(
            [
                .init(id: "b", name: "Bo", revenue: 600, cycleDays: 30),
                .init(id: "a", name: "Al", revenue: 100, cycleTarget: nil),
            ], asOf: 31, settings: AlertSettings(milestones: [0.1]))
        #expect(alerts.map(\.subject.id) == ["b", "b", "a"])
        #expect(alerts.map(\.indicatorID) == ["revenue", "cycle_days", "revenue"])
    }

    @Test func aRankedIndicatorWithATargetIsMeasuredAgainstTheTarget() throws {
        let model = ScoringModel(
            id: "ranked", children: [.indicator(ScorecardIndicator("revenue", weight: 100, function: .rank))])
        let group = try model.score([
            SubjectFigures(subjectID: "u1", inputs: ["revenue": ScoringInput(value: 300, target: 1000)]),
            SubjectFigures(subjectID: "u2", inputs: ["revenue": ScoringInput(value: 900, target: 1000)]),
        ])
        let subjects = ["u1", "u2"].map { id in
            ScoredSubject(
                subject: SubjectInfo(grain: .user, id: id, name: id, subject: .company), peerGroup: "all",
                scorecard: group[id]!, targets: [:])
        }
        let alerts = AlertDetector(settings: AlertSettings()).alerts(
            for: subjects, period: AlertFixture.october, window: AlertFixture.october, asOf: AlertFixture.oct(31),
            indicators: AlertFixture.indicators)
        #expect(alerts.map(\.completion) == [0.9])
        #expect(alerts.map(\.mark) == [0.8])
    }
}

@Suite struct AlertPipelineTests {
    @Test func thePipelineIsCarriedBesideTheWonValue() throws {
        let alert = try #require(
            try AlertFixture.revenueAlerts(
                500, asOf: 20, settings: AlertSettings(pace: PaceSettings()), pipeline: 300
            ).last)
        #expect(alert.kind == .behindPace)
        #expect(alert.pipeline == 300)
        #expect(AlertFixture.isClose(alert.completionWithPipeline, 0.8))
    }

    @Test func noPipelineWhenTheIndicatorDeclaresNone() throws {
        let alert = try #require(try AlertFixture.revenueAlerts(500, asOf: 31).first)
        #expect(alert.pipeline == nil)
        #expect(alert.completionWithPipeline == nil)
    }
}

@Suite struct UnpacedIndicatorTests {
    /// The fixture's indicators with revenue measured in `unit`.
    static func indicators(revenueUnit unit: IndicatorUnit) -> [String: IndicatorInfo] {
        var indicators = AlertFixture.indicators
        indicators["revenue"]?.unit = unit
        return indicators
    }

    @Test(arguments: [IndicatorUnit.percent, .ratio, .number, .score, .days, .hours, .seconds])
    func aRateAnAverageOrADurationHasNoPace(unit: IndicatorUnit) throws {
        // 0.25 against 0.60 as of 20 October: 41.7 %, far behind a 64.5 % pace had it accumulated.
        let subjects = try AlertFixture.scored([
            .init(id: "u1", name: "Ann", revenue: 0.25, revenueTarget: 0.6, cycleTarget: nil)
        ])
        let alerts = AlertDetector(settings: AlertSettings(milestones: [0.4], pace: PaceSettings())).alerts(
            for: subjects, period: AlertFixture.october, window: AlertFixture.october, asOf: AlertFixture.oct(20),
            indicators: Self.indicators(revenueUnit: unit))
        #expect(alerts.map(\.kind) == [.milestone])
        let alert = try #require(alerts.first)
        #expect(!alert.isPaced)
        #expect(alert.expectedCompletion == 1)
        #expect(alert.neededPerDay == nil)
        #expect(AlertFixture.isClose(alert.remaining, 0.35))  // still the gap to the target
    }

    @Test(arguments: [IndicatorUnit.count, .money])
    func countsAndMoneyAccumulate(unit: IndicatorUnit) throws {
        let subjects = try AlertFixture.scored([.init(id: "u1", name: "Ann", revenue: 250, cycleTarget: nil)])
        let alerts = AlertDetector(settings: AlertSettings(milestones: [], pace: PaceSettings())).alerts(
            for: subjects, period: AlertFixture.october, window: AlertFixture.october, asOf: AlertFixture.oct(20),
            indicators: Self.indicators(revenueUnit: unit))
        #expect(alerts.map(\.kind) == [.behindPace])
        #expect(alerts.first?.isPaced == true)
    }

    @Test func paceNeedsAHigherIsBetterAccumulatingIndicator() {
        #expect(AlertDetector.isPaced(direction: .higherIsBetter, unit: .money))
        #expect(AlertDetector.isPaced(direction: .higherIsBetter, unit: nil))
        #expect(!AlertDetector.isPaced(direction: .lowerIsBetter, unit: .count))
        #expect(!AlertDetector.isPaced(direction: .higherIsBetter, unit: .percent))
    }
}
