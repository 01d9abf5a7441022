import Testing
import YardstickData
import YardstickEngine

@testable import YardstickScorecard

@Suite struct DisjointPeriodGroupsTests {
    static let calendar = CalendarSettings()

    static func period(_ text: String) throws -> Period {
        try Period.parse(text, calendar: calendar)
    }

    @Test func wholeConsecutivePeriodsStayInOneGroup() throws {
        let months = try ["2026-09", "2026-10", "2026-11"].map(Self.period)
        #expect(DisjointPeriodGroups.groups(months).map { $0.map(\.label) } == [["2026-09", "2026-10", "2026-11"]])
    }

    @Test func aToDateComparisonWindowGoesToASecondGroupSoTheFirstKeepsItsOneScan() throws {
        // Scoring 2026-10 and 2026-11 as of 2026-11-20 with comparisons: the windows are 2026-10,
        // 2026-11-01..20 and its 环比 window 2026-10-01..20 (inside 2026-10).
        let windows = try ["2026-10", "2026-11-01..2026-11-20", "2026-10-01..2026-10-20", "2025-11-01..2025-11-20"]
            .map(Self.period)
        let groups = DisjointPeriodGroups.groups(windows)
        #expect(
            groups.map { $0.map(\.label) } == [
                ["2026-10", "2026-11-01..2026-11-20", "2025-11-01..2025-11-20"], ["2026-10-01..2026-10-20"],
            ])
        for group in groups {
            for (i, a) in group.enumerated() {
                for b in group[(i + 1)...] { #expect(!DisjointPeriodGroups.overlaps(a, b)) }
            }
        }
    }

    @Test func aRunnerScoringToDateWithComparisonsEvaluatesDisjointGroups() throws {
        // The runner's windows for a range scored as of a day inside its last month: every
        // group it hands the evaluator must be disjoint, or the query engine scans per period.
        let periods = try Period.range("2026-09..2026-11", calendar: Self.calendar)
        let asOf = CivilDate.dayNumber(year: 2026, month: 11, day: 20)
        let windows = periods.map { ScoreWindows(period: $0, asOf: asOf) }
        var seen: Set<String> = []
        let evaluated = windows.flatMap(\.evaluated).filter { !$0.isEmptyWindow && seen.insert($0.label).inserted }
        let groups = DisjointPeriodGroups.groups(evaluated)
        #expect(groups.count == 2)
        #expect(groups.flatMap { $0 }.count == evaluated.count)
        for group in groups {
            for (i, a) in group.enumerated() {
                for b in group[(i + 1)...] { #expect(!DisjointPeriodGroups.overlaps(a, b)) }
            }
        }
    }
}
