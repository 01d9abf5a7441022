import Foundation
import Testing

@testable import YardstickEngine

/// Writing to an API object fails with a message that says what is read-only, at the line of the
/// script that tried (`failure.location` is the script's `file:line`, never the prelude's).
@Suite struct ReadOnlyAPITests {
    struct Attempt: CustomTestStringConvertible, Sendable {
        let statement: String
        let message: String
        var testDescription: String { statement }
    }

    static let attempts: [Attempt] = [
        Attempt(statement: #"s.opportunities = 1"#, message: "scopes are read-only"),
        Attempt(statement: #"s.subject = {}"#, message: "scopes are read-only"),
        Attempt(statement: #"rawset(s, "subject", {})"#, message: "scopes are read-only"),
        Attempt(statement: #"rawset(s.previous, "period", {})"#, message: "scopes are read-only"),
        Attempt(statement: #"s.opportunities.where = print"#, message: "views are read-only"),
        Attempt(
            statement: #"rawset(s.opportunities:during("closed_at"), "count", print)"#, message: "views are read-only"),
        Attempt(statement: #"s.opportunities:group_by("stage").count = print"#, message: "grouped views are read-only"),
        Attempt(statement: #"s.subject.id = "x""#, message: "subjects are read-only"),
        Attempt(statement: #"rawset(s.subject, "id", "x")"#, message: "subjects are read-only"),
        Attempt(statement: #"s.period.label = "x""#, message: "periods are read-only"),
        Attempt(statement: #"rawset(s.period, "days", 1)"#, message: "periods are read-only"),
        Attempt(
            statement: #"rawset(hours("opened_at", "resolved_at"), "from", "x")"#, message: "durations are read-only"),
        Attempt(statement: #"rawset(date(2026, 1, 1), "day", 0)"#, message: "values are read-only"),
        Attempt(
            statement: #"for r in s.opportunities:rows() do rawset(r, "row", 0) end"#, message: "rows are read-only"),
        Attempt(statement: #"string.rep = print"#, message: "attempt to modify read-only table 'string'"),
        Attempt(statement: #"rawset(table, "concat", print)"#, message: "attempt to modify a read-only table"),
        Attempt(
            statement: #"local v = s.opportunities.during v(s)"#,
            message: "expected a view (call its methods with ':')"),
    ]

    @Test(arguments: attempts)
    func writingToAnAPIObjectFailsAtTheScriptsLine(_ attempt: Attempt) throws {
        let (workspace, engine, _) = try EngineFixture.workspace()
        let source = Evaluator.Source(
            file: "indicators/writer.lua",
            text: "return indicator { id = \"writer\", value = function(s)\n\(attempt.statement)\nreturn 0 end }")
        let report = try Evaluator(engine: engine, workspace: workspace, workers: 1)
            .run(sources: [source], periods: [EngineFixture.october], grains: [.user])
        let failures = report.errors.filter { $0.indicatorID == "writer" }
        #expect(failures.count == 3)
        for failure in failures {
            #expect(failure.location == "indicators/writer.lua:2")
            #expect(failure.message == attempt.message)
        }
    }

    @Test func kRefusesATableValue() throws {
        let (workspace, engine, _) = try EngineFixture.workspace()
        let sources = [
            Evaluator.Source(
                file: "indicators/table.lua",
                text: "return indicator { id = \"table\", value = function(s) return { 1 } end }"),
            Evaluator.Source(
                file: "indicators/reader.lua",
                text:
                    "return indicator { id = \"reader\", value = function(s, k)\nlocal t = k(\"table\")\nreturn t[1] end }"
            ),
        ]
        let report = try Evaluator(engine: engine, workspace: workspace, workers: 1)
            .run(sources: sources, periods: [EngineFixture.october], grains: [.user])
        let failures = report.errors.filter { $0.indicatorID == "reader" }
        #expect(failures.count == 3)
        for failure in failures {
            #expect(failure.location == "indicators/reader.lua:2")
            #expect(
                failure.message
                    == #"k("table"): the indicator returned a table; indicators pass numbers, decimals, dates and missing values to each other"#
            )
        }
    }

    @Test func kRefusesATableDressedAsAnAPIObject() throws {
        let (workspace, engine, _) = try EngineFixture.workspace()
        let sources = [
            Evaluator.Source(
                file: "indicators/fake.lua",
                text:
                    "return indicator { id = \"fake\", value = function(s) return setmetatable({ 1 }, { __metatable = \"yardstick.view\" }) end }"
            ),
            Evaluator.Source(
                file: "indicators/reader.lua",
                text:
                    "return indicator { id = \"reader\", value = function(s, k)\nlocal t = k(\"fake\")\nreturn t[1] end }"
            ),
        ]
        let report = try Evaluator(engine: engine, workspace: workspace, workers: 1)
            .run(sources: sources, periods: [EngineFixture.october], grains: [.user])
        let failures = report.errors.filter { $0.indicatorID == "reader" }
        #expect(failures.count == 3)
        for failure in failures {
            #expect(failure.location == "indicators/reader.lua:2")
            #expect(failure.message.hasPrefix(#"k("fake"): the indicator returned a view;"#))
        }
    }

    @Test func readOnlyRecordsStillReadAndIterate() throws {
        let (workspace, engine, _) = try EngineFixture.workspace()
        let source = Evaluator.Source(
            file: "indicators/reader.lua",
            text: """
                return indicator { id = "reader", value = function(s)
                  local n = 0
                  for key, v in pairs(s.subject) do n = n + 1 end
                  for key, v in pairs(s.period) do n = n + 1 end
                  local p = s.period
                  return n * 1000 + p.start.month * 10 + (p.finish - p.start) // 10
                end }
                """)
        let report = try Evaluator(engine: engine, workspace: workspace, workers: 1)
            .run(sources: [source], periods: [EngineFixture.october], grains: [.user])
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        // Users have id, name, kind, team and role (5 fields); a period has 6 fields.
        let expected = ResultValue.integer(11_103)
        let values: [ResultValue] = report.results.map(\.value)
        #expect(values == [expected, expected, expected])
    }
}
