import Foundation
import Testing
import YardstickData
import YardstickQuery

@testable import YardstickEngine

/// Key views in column mode: the same figures as per subject, computed for every subject at
/// once, with tables of all-history views built once per run.
@Suite struct KeysColumnModeTests {
    static let bodies: [String] = [
        KeysAPITests.newCustomers,
        #"return s.orders:during("ordered_at"):per("account", { n = "count" }):where{ n = { ">=", 2 } }:count()"#,
        #"return s.orders:during("ordered_at"):per("account", { n = "count" }):avg("n") * 2"#,
        """
        local cur = s.orders:during("ordered_at"):per("account")
        local prev = s.previous.orders:during("ordered_at"):per("account")
        return ratio(prev:intersect(cur):count(), prev:count())
        """,
        """
        local cur = s.orders:during("ordered_at"):per("account")
        return cur:minus(s.previous.orders:during("ordered_at"):per("account")):intersect(s.orders:before("ordered_at"):per("account")):count()
        """,
        #"return s.orders:during("ordered_at"):per("account"):union(s.activities:during("occurred_at"):per("account")):count()"#,
        #"return s.all.orders:per("account", { first = { "min", "ordered_at" } }):during("first"):count()"#,
        #"return s.orders:per("account", { total = { "sum", "amount" } }):sum("total")"#,
        #"return s.orders:per("account", { mean = { "avg", "amount" } }):max("mean")"#,
    ]

    @Test func columnModeAllowsKeyViews() throws {
        for body in Self.bodies { #expect(try ColumnModeTests.allows(body), "\(body)") }
    }

    static func report(columnMode: Bool, grains: [Grain] = [.user, .team, .company])
        throws -> (RunReport, KeyStatistics.Counts)
    {
        let (workspace, engine, _) = try KeysFixture.workspace()
        var evaluator = Evaluator(engine: engine, workspace: workspace, workers: 2)
        evaluator.columnMode = columnMode
        let months = (8...12).map { Period.month(year: 2026, month: $0) }
        let report = try evaluator.run(sources: KeysFixture.sources(bodies), periods: months, grains: grains)
        return (report, engine.keyStatistics.snapshot)
    }

    @Test func everyFigureEqualsItsPerSubjectFigure() throws {
        let (columns, _) = try Self.report(columnMode: true)
        let (alone, _) = try Self.report(columnMode: false)
        #expect(columns.errors.isEmpty && alone.errors.isEmpty)
        #expect(columns.results.count == alone.results.count)
        for (a, b) in zip(columns.results, alone.results) {
            #expect(a.indicatorID == b.indicatorID && a.subjectID == b.subjectID && a.period == b.period)
            #expect(a.value == b.value, "\(a.indicatorID) \(a.subjectID) \(a.period.label): \(a.value) vs \(b.value)")
        }
    }

    @Test func columnRunsComputeKeyQueriesForAllSubjectsAndReuseHistoryTables() throws {
        let (report, counts) = try Self.report(columnMode: true, grains: [.user])
        #expect(report.errors.isEmpty)
        // Every figure came from a column run: no key query ran for one subject alone.
        #expect(report.statistics?.figures.columnMode == report.results.count)
        #expect(counts.subjectQueries == 0)
        #expect(counts.partitionQueries > 0)
        // The all-history views (`s.orders` per account, `s.all.orders` per account, the totals)
        // are grouped once for the run: 3 users + 1 company table + 3 users, reused in the
        // four other months.
        #expect(counts.tablesReused >= 4 * 7)
        // count, min of a date and the sum of amounts are folded while grouping; the mean is not.
        #expect(counts.fastColumns > 0)
        #expect(counts.accumulatorColumns > 0)
    }
}
