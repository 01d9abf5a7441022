import Foundation
import LuaRuntime
import Testing
import YardstickData
import YardstickQuery

@testable import YardstickEngine

/// Column mode runs a straight-line value function once for all subjects of a grain. These
/// tests check which functions qualify, and that every figure equals the per-subject figure,
/// including missing values, errors and indicators that leave column mode half-way.
@Suite struct ColumnModeTests {
    /// Whether the value function in `body` qualifies for column mode.
    static func allows(_ body: String) throws -> Bool {
        try LuaThread.run { () throws -> Bool in
            let vm = try LuaVM(limits: .default)
            let source = "local helper = 1\nreturn function(s, k)\n\(body)\nend"
            let function = try #require(try vm.call(try vm.load(source, chunkName: "t.lua")).first?.functionValue)
            return ColumnEligibility.allows(try vm.prototype(of: function))
        }
    }

    @Test(arguments: [
        #"return s.opportunities:where{ stage = "won" }:during("closed_at"):sum("amount")"#,
        #"return ratio(k("a"), s.all.opportunities:where{ stage = { "in", { "won", "lost" } } }:count()) * 100"#,
        #"local won = s.opportunities:during("closed_at") return won:avg(days("created_at", "closed_at")) - 1"#,
        #"return s.previous.cases:during("opened_at"):count() + s.period.days * 0"#,
        #"return missing("not yet")"#,
        #"return helper + s.opportunities:count()"#,
        #"return helper.weight * s.opportunities:count()"#,
        #"return (s.period.finish - s.opportunities:min("created_at")) / 7"#,
    ])
    func straightLineFunctionsQualify(_ body: String) throws {
        #expect(try Self.allows(body))
    }

    @Test(arguments: [
        #"local n = s.opportunities:count() if n > 2 then return n end return 0"#,
        #"return s.opportunities:count() == 0 and 1 or 2"#,
        #"return not s.opportunities:count()"#,
        #"local t = 0 for i = 1, 3 do t = t + i end return t"#,
        #"return s.subject.id"#,
        #"helper = s.opportunities:count() return helper"#,
        #"return helper(s)"#,
        #"return helper.weight.x"#,
        #"return #s.opportunities:distinct("stage")"#,
        #"return "n=" .. s.opportunities:count()"#,
        #"return math.max(s.opportunities:count(), 1)"#,
        #"return type(s.opportunities:count())"#,
        #"total = s.opportunities:count() return total"#,
        #"local f = function() return 1 end return f()"#,
        #"return s.opportunities:rows()"#,
        #"return is_missing(s.opportunities:avg("amount"))"#,
        #"local x = s.opportunities:count() return x.y"#,
    ])
    func functionsThatDecideOnValuesDoNot(_ body: String) throws {
        #expect(try !Self.allows(body))
    }

    /// Value function bodies whose figures must not depend on the mode.
    static let bodies: [String] = [
        #"return s.opportunities:where{ stage = "won" }:during("closed_at"):sum("amount") * 2 - 1"#,
        #"return ratio(s.opportunities:where{ stage = "won" }:during("closed_at"):count(), s.opportunities:during("closed_at"):count())"#,
        #"return s.opportunities:during("closed_at"):avg("amount") + 1"#,
        #"return k("c00") / s.all.opportunities:during("closed_at"):count()"#,
        #"return s.previous.opportunities:during("closed_at"):count() - s.opportunities:during("closed_at"):count()"#,
        #"return missing("not yet")"#,
        "return 42",
        #"return s.cases:during("resolved_at"):avg(hours("opened_at", "resolved_at"))"#,
        #"return -s.opportunities:during("closed_at"):sum("amount")"#,
        #"return s.period.days * 0 + s.opportunities:count()"#,
        #"return s.opportunities:group_by("stage"):count()"#,
        #"local n = s.opportunities:during("closed_at"):count() if n > 1 then return n end return -n"#,
        #"return k("c11") + 1"#,
        #"return s.opportunities:during("closed_at"):sum("amount") + date(2026, 1, 1)"#,
        #"return s.opportunities:during("closed_at"):sum("amount") + s.opportunities:during("created_at"):sum("amount")"#,
        #"return ratio(s.opportunities:during("closed_at"):sum("amount"), 0)"#,
        #"return s.opportunities:during("closed_at"):max("amount") / 2"#,
        #"return s.activities:during("occurred_at"):count_distinct("account") % 2"#,
        #"return ratio(s.opportunities:during("closed_at"):avg("amount"), s.opportunities:during("closed_at"):sum("amount"))"#,
        #"return ratio(k("c00"), s.opportunities:where{ stage = "won" }:during("closed_at"):sum("amount")) + 1"#,
        #"return ratio(s.opportunities:during("closed_at"):count(), s.previous.opportunities:during("closed_at"):count())"#,
        // Dates: a column of dates minus a date, two date columns, missing dates (no
        // opportunity), and a date column returned (a failure either way).
        #"return (s.period.finish - s.opportunities:min("created_at")) / 7"#,
        #"return s.opportunities:max("closed_at") - s.opportunities:min("created_at")"#,
        #"return s.opportunities:during("closed_at"):max("closed_at") - 1 - s.period.start"#,
        #"return s.opportunities:max("created_at") + 1"#,
        // The chunk's constants (upvalues).
        #"return W * s.opportunities:during("closed_at"):count() + RATES.bonus"#,
        // Arithmetic the host computes on its columns (decimals exact with whole numbers, as
        // doubles otherwise; dates and days; division by zero) and the pairs it leaves to Lua
        // (a decimal plus a date fails either way).
        #"return s.opportunities:during("closed_at"):sum("amount") * 3 - s.opportunities:count()"#,
        #"return s.opportunities:during("closed_at"):sum("amount") * 1.5 + s.opportunities:during("closed_at"):avg("amount")"#,
        #"return s.opportunities:sum("amount") * s.opportunities:during("closed_at"):sum("amount")"#,
        #"return s.opportunities:count() * 2 - s.opportunities:during("closed_at"):count() / 4"#,
        #"return (s.opportunities:max("closed_at") + 3) - s.period.start"#,
        #"return s.opportunities:max("closed_at") + s.opportunities:count()"#,
        #"return s.opportunities:during("closed_at"):sum("amount") + s.opportunities:max("closed_at")"#,
        #"return s.opportunities:during("closed_at"):count() / 0"#,
        #"return ratio(s.opportunities:count() - 1, s.opportunities:during("closed_at"):count() * 2, 0)"#,
        #"return s.opportunities:during("closed_at"):sum("amount") - date(2026, 1, 1)"#,
    ]

    static func report(columnMode: Bool) throws -> RunReport {
        let (workspace, engine, _) = try EngineFixture.workspace()
        let sources = bodies.enumerated().map { index, body in
            let id = String(format: "c%02d", index)
            return Evaluator.Source(
                file: "indicators/\(id).lua",
                text: "local W, RATES = 2, { bonus = 0.5 }\n"
                    + "return indicator { id = \"\(id)\", per = \"user\", value = function(s, k)\n\(body)\nend }")
        }
        var evaluator = Evaluator(engine: engine, workspace: workspace, workers: 2)
        evaluator.columnMode = columnMode
        let months = [Period.month(year: 2026, month: 9), EngineFixture.october, Period.month(year: 2026, month: 11)]
        return try evaluator.run(sources: sources, periods: months, grains: [.user, .team, .company])
    }

    @Test func everyFigureEqualsItsPerSubjectFigure() throws {
        let columns = try Self.report(columnMode: true)
        let alone = try Self.report(columnMode: false)
        #expect(columns.results.count == alone.results.count)
        for (a, b) in zip(columns.results, alone.results) {
            #expect(a.indicatorID == b.indicatorID && a.subjectID == b.subjectID && a.period == b.period)
            #expect(a.value == b.value, "\(a.indicatorID) \(a.subjectID) \(a.period.label): \(a.value) vs \(b.value)")
        }
        let key = { (failure: IndicatorFailure) in
            "\(failure.indicatorID) \(failure.subjectID ?? "") \(failure.periodLabel ?? "") \(failure.location) \(failure.message)"
        }
        #expect(columns.errors.map(key).sorted() == alone.errors.map(key).sorted())
        // Sanity: the run has values, missing values and failures to compare.
        #expect(alone.results.contains { if case .missing = $0.value { true } else { false } })
        #expect(alone.results.contains { if case .failed = $0.value { true } else { false } })
        #expect(alone.results.contains { if case .decimal = $0.value { true } else { false } })
        // The fast path: column runs computed their arithmetic on host columns, and per-subject
        // evaluation has none to compute.
        #expect((columns.statistics?.hostArithmeticColumns ?? 0) > 0)
        #expect(alone.statistics?.hostArithmeticColumns == 0)
    }
}
