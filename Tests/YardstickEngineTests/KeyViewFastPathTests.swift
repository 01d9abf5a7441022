import Foundation
import Testing
import YardstickData
import YardstickQuery

@testable import YardstickEngine

/// The fast paths of key views, each pinned by a counter and checked against values worked out
/// by hand from ``KeysFixture``'s rows and against the per-subject path: `before` views read
/// from their history's first days, `during` views read once for all of a run's periods, and
/// combinations reused when `s.previous` asks for the one the month before computed.
@Suite struct KeyViewFastPathTests {
    static let months = (8...12).map { Period.month(year: 2026, month: $0) }

    /// Runs `bodies` over `periods` (August–December 2026) for users, returning each
    /// indicator's values by period label and user, and the key counters.
    static func run(_ bodies: [String], periods months: [Period] = months) throws
        -> ([[String: [String: ResultValue]]], KeyStatistics.Counts)
    {
        let (workspace, engine, _) = try KeysFixture.workspace()
        let evaluator = Evaluator(engine: engine, workspace: workspace, workers: 2)
        let report = try evaluator.run(sources: KeysFixture.sources(bodies), periods: months, grains: [.user])
        if let failure = report.errors.first {
            throw EvaluationError("\(failure.indicatorID): \(failure.location) \(failure.message)")
        }
        let values = bodies.indices.map { index in
            let id = String(format: "k%02d", index)
            var byPeriod: [String: [String: ResultValue]] = [:]
            for result in report.results where result.indicatorID == id {
                byPeriod[result.period.label, default: [:]][result.subjectID] = result.value
            }
            return byPeriod
        }
        return (values, engine.keyStatistics.snapshot)
    }

    static let beforeBodies = [
        #"return s.orders:before("ordered_at"):per("account"):count()"#,
        #"return s.activities:before("occurred_at"):per("account"):count()"#,
        // A per-key field keeps the general path: the same rows, counted.
        #"return s.orders:before("ordered_at"):per("account", { n = "count" }):sum("n")"#,
    ]

    @Test func beforeViewsWithoutFieldsComeFromTheFirstDaysOfTheirHistory() throws {
        let (values, counts) = try Self.run(Self.beforeBodies)
        // u1's orders before October: a1 (Aug 15), a4 (Sep 30), a6 (Jul 1); o8 has no account.
        // Before November: a1, a2, a3, a4, a6 (a5's first order is on Nov 1).
        #expect(values[0]["2026-10"]?["u1"] == .integer(3))
        #expect(values[0]["2026-11"]?["u1"] == .integer(5))
        #expect(values[0]["2026-12"]?["u1"] == .integer(6))
        #expect(values[0]["2026-08"]?["u1"] == .integer(1))
        #expect(values[0]["2026-10"]?["u3"] == .integer(0))
        // u2's visit to a2 at 23:30 on Sep 30 comes before October; u1's calls are in October.
        #expect(values[1]["2026-10"]?["u2"] == .integer(1))
        #expect(values[1]["2026-09"]?["u2"] == .integer(0))
        #expect(values[1]["2026-10"]?["u1"] == .integer(0))
        #expect(values[1]["2026-11"]?["u1"] == .integer(2))
        // o1, o6 and o10 come before October.
        #expect(values[2]["2026-10"]?["u1"] == .integer(3))
        #expect(counts.firstDayViews > 0)
    }

    static let retention = """
        local function active(v)
          return v.orders:during("ordered_at"):per("account")
            :union(v.activities:during("occurred_at"):per("account"))
        end
        return ratio(active(s.previous):intersect(active(s)):count(), active(s.previous):count())
        """

    @Test func unionsOfOneMonthAreReusedAsTheNextMonthsPreviousOnes() throws {
        let (values, counts) = try Self.run([Self.retention])
        // u1 active in October: orders a1, a2, a3, a6 and activities a1, a5; in November the
        // order of a5 only: 1 of 5 retained. September: a4 only, gone in October.
        #expect(values[0]["2026-11"]?["u1"] == .number(0.2))
        #expect(values[0]["2026-10"]?["u1"] == .number(0))
        #expect(values[0]["2026-10"]?["u3"] == .missing(reason: "division by zero"))
        #expect(counts.combinationsReused > 0)
        // The months' orders and activities were each read in one pass for the five months.
        #expect(counts.periodBatches >= 2)
    }

    @Test func runPeriodsReadTogetherGiveTheFiguresOfEachPeriodAlone() throws {
        let bodies = Self.beforeBodies + [Self.retention]
        let (together, counts) = try Self.run(bodies)
        #expect(counts.periodBatches > 0)
        var alone = bodies.map { _ in [String: [String: ResultValue]]() }
        for month in Self.months {
            let (values, monthCounts) = try Self.run(bodies, periods: [month])
            #expect(monthCounts.periodBatches == 0)
            for index in bodies.indices { alone[index].merge(values[index]) { first, _ in first } }
        }
        #expect(together == alone)
        #expect(together[3].count == 5)
    }

    @Test func exactSumsPerKeyAreFoldedWhileGrouping() throws {
        // u1's orders with an account over all history: a1 100 + 50, a2 200 + 20, a3 70, a4 30,
        // a5 10, a6 60 + 15 = 555 (o8, 5, has no account); the largest per account is a2's 220.
        let (values, counts) = try Self.run([
            #"return s.orders:per("account", { total = { "sum", "amount" } }):sum("total")"#,
            #"return s.orders:per("account", { total = { "sum", "amount" } }):max("total")"#,
            #"return s.orders:where{ status = "cancelled" }:per("account", { total = { "sum", "amount" } }):sum("total")"#,
        ])
        #expect(values[0]["2026-10"]?["u1"] == .decimal(ExactDecimal(scaled: 555 * ExactDecimal.unit)))
        #expect(values[1]["2026-10"]?["u1"] == .decimal(ExactDecimal(scaled: 220 * ExactDecimal.unit)))
        #expect(values[2]["2026-10"]?["u1"] == .integer(0))
        #expect(counts.fastColumns > 0 && counts.accumulatorColumns == 0)
    }

    @Test func keyValuesAreDecodedFromTheirCodesWhenRead() throws {
        // Keys stay row numbers of accounts through the union; the filter reads their ids.
        let body = """
            return s.orders:during("ordered_at"):per("account")
              :union(s.activities:during("occurred_at"):per("account"))
              :where{ key = { "in", { "a1", "a5", "zz" } } }:count()
            """
        let (values, _) = try Self.run([body])
        #expect(values[0]["2026-10"]?["u1"] == .integer(2))
        #expect(values[0]["2026-10"]?["u2"] == .integer(1))
    }
}
