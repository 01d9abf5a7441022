import Foundation
import LuaRuntime
import Testing
import YardstickData
import YardstickQuery
import YardstickTestSupport

@testable import YardstickEngine

/// Issue 10, item 3, through the Lua API: `field()` in `where` and in aggregates, on the
/// `FieldsWorkspace` fixture (users u1 and u2, October 2026; orders r1, r2 are u1's, r3–r5
/// u2's). Expected values are worked out by hand from its rows.
@Suite struct FieldsTests {
    static let fixture: (Workspace, QueryEngine)? = {
        guard let directory = try? TemporaryDirectory(prefix: "fields") else { return nil }
        do {
            try directory.write(["yardstick.toml": FieldsWorkspace.toml])
            for (name, text) in FieldsWorkspace.files { try directory.write(text, to: "data/" + name) }
            let workspace = try Workspace.open(directory: directory.path)
            let (dataset, _) = try DataLoader(workspace: workspace).load()
            return (workspace, QueryEngine(dataset: dataset))
        } catch {
            return nil
        }
    }()

    static let october = Period.month(year: 2026, month: 10)

    static func source(_ id: String, _ body: String) -> Evaluator.Source {
        Evaluator.Source(
            file: "indicators/\(id).lua",
            text: "return indicator { id = \"\(id)\", per = \"user\", value = function(s, k)\n\(body)\nend }")
    }

    static func run(_ sources: [Evaluator.Source], columnMode: Bool = true, grains: [Grain] = [.user, .company])
        throws -> RunReport
    {
        let (workspace, engine) = try #require(fixture)
        var evaluator = Evaluator(engine: engine, workspace: workspace, workers: 1)
        evaluator.columnMode = columnMode
        return try evaluator.run(sources: sources, periods: [october], grains: grains)
    }

    static func values(_ report: RunReport) -> [String: ResultValue] {
        var values: [String: ResultValue] = [:]
        for result in report.results { values["\(result.indicatorID) \(result.subjectID)"] = result.value }
        return values
    }

    static func decimal(_ text: String) -> ResultValue {
        var text = text
        return .decimal(text.withUTF8 { ExactDecimal.parse(UnsafeRawBufferPointer($0)) } ?? ExactDecimal(scaled: .min))
    }

    /// Straight-line indicators with field filters and arithmetic measures.
    static let straight: [Evaluator.Source] = [
        // r1 delivered before its promise, r3 on it; r2 late, r4 undelivered, r5 no promise.
        source(
            "on_time",
            #"return s.orders:during("ordered_at"):where{ delivered_at = {"<=", field("promised_at")} }:count()"#),
        // u1: 40.15 − 4.50; u2: null + 10.00 + 0.
        source("margin", #"return s.orders:during("ordered_at"):sum(field("amount") - field("cost"))"#),
        // Only r1 sells above its product's list price (100).
        source(
            "above_list",
            #"return s.orders:during("ordered_at"):where{ amount = {">", field("product.list_price")} }:count()"#),
        // u1: 108.225 + 36.45; u2: 81 + 9.009 + 0.
        source("discounted", #"return s.orders:during("ordered_at"):sum(field("amount") * 0.9)"#),
        // t1 was completed after its deadline (18:00 > 17:00).
        source("late", #"return s.tasks:during("created_at"):where{ completed_at = {">", field("due_at")} }:count()"#),
        // u1: 35.65 / 160.75; u2: 10 / 100.01 (r3's margin is null, its amount is not).
        source(
            "margin_rate",
            #"return ratio(s.orders:during("ordered_at"):sum(field("amount") - field("cost")), s.orders:during("ordered_at"):sum("amount"))"#
        ),
    ]

    @Test func fieldFiltersAndMeasuresGiveTheHandWorkedValues() throws {
        let values = Self.values(try Self.run(Self.straight))
        #expect(values["on_time u1"] == .integer(1))
        #expect(values["on_time u2"] == .integer(1))
        #expect(values["margin u1"] == Self.decimal("35.65"))
        #expect(values["margin u2"] == Self.decimal("10"))
        #expect(values["above_list u1"] == .integer(1))
        #expect(values["above_list u2"] == .integer(0))
        #expect(values["discounted u1"] == Self.decimal("144.675"))
        #expect(values["discounted u2"] == Self.decimal("90.009"))
        #expect(values["late u1"] == .integer(1))
        #expect(values["late u2"] == .integer(0))
        #expect(values["margin_rate u1"] == .number(35.65 / 160.75))
        #expect(values["margin_rate u2"] == .number(10 / 100.01))
    }

    /// The batched path takes them: every user figure comes from column mode, each query once
    /// for all users (partition queries), and the values equal the per-subject run's.
    @Test func columnModeTakesFieldFiltersAndMeasures() throws {
        let report = try Self.run(Self.straight)
        let statistics = try #require(report.statistics)
        for source in Self.straight {
            let id = String(source.file.dropFirst("indicators/".count).dropLast(4))
            #expect(statistics.figuresByIndicator[id]?.columnMode == 2, "\(id)")
        }
        #expect(statistics.partitionQueries >= 6)
        let alone = try Self.run(Self.straight, columnMode: false)
        #expect(try #require(alone.statistics).figures.columnMode == 0)
        #expect(Self.values(report) == Self.values(alone))
    }

    /// Different expressions in one VM never share a cached view or aggregate: each gives its
    /// own hand-worked company value.
    @Test func differentExpressionsNeverShareACachedPlan() throws {
        let cases: [(String, String, ResultValue)] = [
            ("e1", #"s.orders:sum(field("amount") - field("cost"))"#, Self.decimal("45.65")),
            ("e2", #"s.orders:sum(field("amount") + field("cost"))"#, Self.decimal("295.87")),
            // (amount − cost) − quantity: 37.15 − 6.50 + 10 − 5; amount − (cost − quantity):
            // 43.15 − 2.50 + 10 + 5.
            ("e3", #"s.orders:sum((field("amount") - field("cost")) - field("quantity"))"#, Self.decimal("35.65")),
            ("e4", #"s.orders:sum(field("amount") - (field("cost") - field("quantity")))"#, Self.decimal("55.65")),
            ("e5", #"s.orders:sum(field("amount"))"#, Self.decimal("260.76")),
            ("e6", #"s.orders:sum("amount")"#, Self.decimal("260.76")),
            ("e7", #"s.orders:sum(-field("quantity"))"#, .integer(-11)),
            ("w1", #"s.orders:where{ amount = {">", field("cost")} }:count()"#, .integer(2)),
            ("w2", #"s.orders:where{ amount = {"<", field("cost")} }:count()"#, .integer(1)),
            ("w3", #"s.orders:where{ amount = {">", field("cost") * 2} }:count()"#, .integer(1)),
            ("w4", #"s.orders:where{ amount = {">", field("cost") * 1} }:count()"#, .integer(2)),
            ("w5", #"s.orders:where{ amount = {">", field("quantity")} }:count()"#, .integer(4)),
            ("w6", #"s.orders:where{ amount = field("cost") }:count()"#, .integer(1)),
            (
                "w7", #"s.tasks:where{ completed_at = {"between", field("created_at"), field("due_at")} }:count()"#,
                .integer(2)
            ),
        ]
        let sources = cases.map { Self.source($0.0, "return " + $0.1) }
        let values = Self.values(try Self.run(sources, grains: [.company]))
        for (id, _, expected) in cases {
            #expect(values["\(id) C"] == expected, "\(id)")
        }
    }

    static func failure(_ body: String) throws -> IndicatorFailure {
        let report = try run([source("bad", "local a = 1\n" + body + "\nreturn v")], grains: [.company])
        return try #require(report.errors.first { $0.indicatorID == "bad" })
    }

    /// Errors name the script's line (line 3: the indicator's header, `local a`, then the body).
    @Test(arguments: [
        (
            #"local v = s.orders:where{ ordered_at = {"<", field("amount")} }:count()"#,
            "cannot compare ordered_at (a date) with amount (a decimal)"
        ),
        (
            #"local v = s.orders:sum(field("status") + 1)"#,
            "status is an enum; arithmetic takes integer or decimal fields (for the time between two dates use days(a, b) or hours(a, b))"
        ),
        (#"local v = s.orders:sum(field("nope") * 2)"#, "orders has no mapped field nope"),
        (#"local v = field(1)"#, #"field(path) takes a field name or dotted path, like "amount""#),
        (#"local v = field("a..b")"#, #"field("a..b"): not a field name or dotted path"#),
        (
            #"local v = field("amount") < field("cost")"#,
            #"field(…) cannot be compared in Lua; compare in where: where{ a = {"<", field("b")} }"#
        ),
        (
            #"local v = field("amount") + "x""#,
            "field arithmetic takes numbers, decimals, days()/hours() and field(…), not a string"
        ),
        (#"local v = field("amount") % 2"#, "field arithmetic takes + - * /"),
        (#"local v = field("amount") * missing("n/a")"#, "field arithmetic cannot use a missing value (n/a)"),
        (
            #"local v = s.orders:where{ amount = {"in", { field("cost") }} }:count()"#,
            "an in list takes values; compare with field(…) using =, ~=, <, <=, > or >="
        ),
        (
            #"local e = field("amount") for _ = 1, 40 do e = e + 1 end local v = s.orders:sum(e)"#,
            "a field expression may nest at most 32 levels"
        ),
        (
            #"local e = field("amount") for _ = 1, 9 do e = e * e end local v = s.orders:sum(e)"#,
            "a field expression may have at most 256 terms"
        ),
    ])
    func mistakesAreErrorsAtTheScriptLine(_ body: String, _ message: String) throws {
        let failure = try Self.failure(body)
        #expect(failure.location == "indicators/bad.lua:3")
        #expect(failure.message.hasPrefix(message), "\(failure.message)")
    }

    @Test func explainWritesFieldFiltersAndMeasuresOut() throws {
        let (workspace, engine) = try #require(Self.fixture)
        let evaluator = Evaluator(engine: engine, workspace: workspace, workers: 1)
        let source = Self.source(
            "margin",
            #"return s.orders:during("ordered_at"):where{ delivered_at = {"<=", field("promised_at")} }:sum(field("amount") - field("cost"))"#
        )
        let explanation = try evaluator.explain(
            indicator: "margin", subjectID: "u1", grain: .user, period: Self.october, sources: [source])
        let text = ExplanationRenderer.render(explanation, dataset: engine.dataset, records: 0, locale: "en")
        #expect(
            text.contains("orders of the subject where ordered_at falls in the period and delivered_at <= promised_at"))
        // u1's on-time order is r1: 120.25 − 80.10.
        #expect(text.contains("→ sum of (amount - cost) = 40.15 from 1 records"), "\(text)")
    }
}
