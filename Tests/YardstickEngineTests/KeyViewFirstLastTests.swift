import Testing
import YardstickData

@testable import YardstickEngine

/// `first(field, by)` and `last(field, by)` on key views, and `ratio(a, b, when_zero)`, on the
/// keys fixture in October 2026.
///
/// u1's October orders by day: Oct 1 o2 50 + o3 200 = 250, Oct 15 o8 5, Oct 20 o11 15, Oct 31
/// o4 20 + o5 70 = 90 (four days, 360 in all); u2's: Oct 10 o9 40 (one day); u3 has none.
@Suite struct KeyViewFirstLastTests {
    static let days = #"s.orders:during("ordered_at"):per("ordered_at", { total = { "sum", "amount" } })"#
    static let bodies = [
        "return \(days):first(\"total\", \"key\")",
        "return \(days):last(\"total\", \"key\")",
        // lifetimes' monetary value over October: the mean total of the days after the first.
        "local d = \(days) return ratio(d:sum(\"total\") - d:first(\"total\", \"key\"), d:count() - 1, 0)",
        // Both operands straight from the host: divided there, with when_zero.
        #"return ratio(s.orders:during("ordered_at"):where{ status = "confirmed" }:count(), s.orders:during("ordered_at"):count(), 0)"#,
    ]

    static func money(_ units: Int64) -> ResultValue { .decimal(ExactDecimal(scaled: units * ExactDecimal.unit)) }

    @Test func firstAndLastPickTheFieldOfTheKeyRowWithTheSmallestAndLargestBy() throws {
        let values = try KeysFixture.values(Self.bodies)
        #expect(values[0] == ["u1": Self.money(250), "u2": Self.money(40), "u3": .missing(reason: "no keys")])
        #expect(values[1] == ["u1": Self.money(90), "u2": Self.money(40), "u3": .missing(reason: "no keys")])
    }

    @Test func ratioGivesWhenZeroForAZeroDivisorAndStillPassesAMissingOperand() throws {
        let values = try KeysFixture.values(Self.bodies)
        // u1: (360 − 250) / (4 − 1); u2: one day, 0 / 0 → when_zero; u3: no day, first is missing.
        #expect(values[2] == ["u1": .number(110.0 / 3.0), "u2": .integer(0), "u3": .missing(reason: "no keys")])
        // Confirmed orders over October's orders: u1 o5 of six; u2 none of one; u3 0 / 0 → 0.
        #expect(values[3] == ["u1": .number(1.0 / 6.0), "u2": .number(0), "u3": .integer(0)])
    }

    @Test func theyRunInColumnModeWithThePerSubjectValues() throws {
        let (workspace, engine, _) = try KeysFixture.workspace()
        var evaluator = Evaluator(engine: engine, workspace: workspace, workers: 2)
        let sources = KeysFixture.sources(Self.bodies)
        let columns = try evaluator.run(sources: sources, periods: [KeysFixture.october], grains: [.user])
        evaluator.columnMode = false
        let alone = try evaluator.run(sources: sources, periods: [KeysFixture.october], grains: [.user])
        #expect(columns.errors.isEmpty && alone.errors.isEmpty, "\(columns.errors) \(alone.errors)")
        #expect(columns.statistics?.figures.columnMode == 4 * 3)
        #expect(alone.statistics?.figures.columnMode == 0)
        #expect(columns.results == alone.results)
    }

    @Test(arguments: [
        (#"return ratio(1, 2, "none")"#, "when_zero is the number to give when b is 0"),
        (#"return s.orders:per("account", { n = "count" }):first("n")"#, "first(field, by) takes two fields"),
        (#"return s.orders:per("account", { n = "count" }):last("n", "day")"#, "no field day"),
    ])
    func aBadCallFailsWithItsReason(body: String, message: String) throws {
        let (workspace, engine, _) = try KeysFixture.workspace()
        let report = try Evaluator(engine: engine, workspace: workspace, workers: 1)
            .run(sources: KeysFixture.sources([body]), periods: [KeysFixture.october], grains: [.user])
        let failure = try #require(report.errors.first)
        #expect(failure.message.contains(message), "\(failure.message)")
    }
}
