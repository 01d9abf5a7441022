import Foundation
import Testing

@testable import YardstickData

/// Exports mapped as they come: fields built from several columns, datetimes from a date and
/// a time column, per-field null words, row filters, value-map targets and their errors.
@Suite struct RealExportMappingTests {
    static let callLog = """
        vru+line\tcall_id\tdate\tq_start\tq_time\touter\toutcome\tserver
        AA0101\t34536\t990201\t7:02:47\t9\tx\tAGENT\tDORIT
        AA0101\t34537\t990201\t0:00:00\t0\tx\tHANG\tNO_SERVER
        AA0102\t34536\t990202\t23:59:59\t1:05\tx\tPHANTOM\tNO_SERVER
        AA0102\t34538\t990228\t12:00:00\tPT2M23S\tx\tAGENT\tTOVA

        """

    static let callMapping = """
        [formats]
        date = "%y%m%d"
        [entities.calls]
        file = "log.txt"
        delimiter = "\\t"
        match_columns = false
        drop = { outcome = "PHANTOM" }
        [entities.calls.fields]
        id = { columns = ["vru+line", "call_id"] }
        queued_at = { date = "date", time = "q_start", null = ["0:00:00"] }
        abandoned = { column = "outcome", map = { HANG = true, AGENT = false } }
        wait_seconds = "q_time"
        queue = { column = "server", null = ["NO_SERVER"] }

        """

    @Test func aKeyIsBuiltFromSeveralColumnsAndADatetimeFromADateAndATimeColumn() throws {
        let workspace = try TemporaryWorkspace(toml: Self.callMapping, text: ["log.txt": Self.callLog])
        let (dataset, report) = try workspace.load()
        let calls = try #require(dataset["calls"])
        #expect((0..<calls.rowCount).map { calls.key(ofRow: $0) } == ["AA0101-34536", "AA0101-34537", "AA0102-34538"])
        let queued = try #require(calls["queued_at"])
        // 1999-02-01 07:02:47 UTC, a null (0:00:00 is this field's null word), 1999-02-28 12:00.
        #expect(queued.value(at: 0) == .datetime(917_852_567))
        #expect(queued.value(at: 1) == .null)
        #expect(queued.value(at: 2) == .datetime(920_203_200))
        #expect(calls["queue"]?.value(at: 1) == .null)
        #expect(calls["queue"]?.value(at: 2) == .string("TOVA"))
        #expect(report.entities["calls"]?.droppedRows == ["data/log.txt": 1])
        #expect(report.entities["calls"]?.rejectedRows == 0)
    }

    @Test func durationsInEveryFormLoadAsSecondsIntoSecondsFields() throws {
        let workspace = try TemporaryWorkspace(toml: Self.callMapping, text: ["log.txt": Self.callLog])
        let (dataset, _) = try workspace.load()
        let wait = try #require(dataset["calls"]?["wait_seconds"])
        #expect((0..<3).map { wait.value(at: $0) } == [.integer(9), .integer(0), .integer(143)])
    }

    @Test func mapTargetsAreValidWhateverTheWorkspaceBooleanWords() throws {
        let toml = Self.callMapping.replacingOccurrences(
            of: "[formats]\n", with: "[formats]\ntrue = [\"是\"]\nfalse = [\"否\"]\n")
        let workspace = try TemporaryWorkspace(toml: toml, text: ["log.txt": Self.callLog])
        let (dataset, _) = try workspace.load()
        let abandoned = try #require(dataset["calls"]?["abandoned"])
        #expect((0..<3).map { abandoned.value(at: $0) } == [.boolean(false), .boolean(true), .boolean(false)])
    }

    @Test func aRowFilterKeepsOnlyTheListedValues() throws {
        let toml = Self.callMapping.replacingOccurrences(
            of: "drop = { outcome = \"PHANTOM\" }", with: "keep = { outcome = [\"AGENT\"] }")
        let workspace = try TemporaryWorkspace(toml: toml, text: ["log.txt": Self.callLog])
        let (dataset, report) = try workspace.load()
        let calls = try #require(dataset["calls"])
        #expect((0..<calls.rowCount).map { calls.key(ofRow: $0) } == ["AA0101-34536", "AA0102-34538"])
        #expect(report.entities["calls"]?.droppedRows == ["data/log.txt": 2])
    }

    @Test func filtersAndCompositeKeysGiveTheSameRowsWhenABigFileIsReadInSegments() throws {
        // Over 1 MiB, so the loader cuts the file into segments read on several threads.
        var text = "line,call,outcome,wait\n"
        var expectedKeys: [String] = []
        for index in 0..<60_000 {
            let line = "L\(index % 7)"
            let phantom = index % 10 == 3
            text += "\(line),\(index),\(phantom ? "PHANTOM" : "AGENT"),\(index % 5):0\(index % 10)\n"
            if !phantom { expectedKeys.append("\(line)/\(index)") }
        }
        #expect(text.utf8.count > 1 << 20)
        let toml = """
            [entities.calls]
            file = "calls.csv"
            drop = { outcome = "PHANTOM" }
            [entities.calls.fields]
            id = { columns = ["line", "call"], separator = "/" }
            wait_seconds = "wait"
            """
        let workspace = try TemporaryWorkspace(toml: toml, text: ["calls.csv": text])
        let (dataset, report) = try workspace.load()
        let calls = try #require(dataset["calls"])
        #expect(calls.rowCount == expectedKeys.count)
        #expect((0..<calls.rowCount).map { calls.key(ofRow: $0) } == expectedKeys)
        #expect(report.entities["calls"]?.droppedRows == ["data/calls.csv": 6_000])
        // Row 0: "0:00"; row 1: "1:01" = 61 s; row 4 (index 5): "0:05".
        #expect(calls["wait_seconds"]?.value(at: 1) == .integer(61))
        #expect(calls["wait_seconds"]?.value(at: 4) == .integer(5))
    }

    @Test func filtersAndCompositeFieldsWorkOnJSONRecordsAndDistinctMappings() throws {
        let toml = """
            [entities.calls]
            file = "calls.ndjson"
            keep = { kind = "call" }
            [entities.calls.fields]
            id = { columns = ["line", "no"], separator = ":" }
            [[entities.teams]]
            file = "calls.ndjson"
            distinct = true
            [entities.teams.fields]
            id = { columns = ["site", "line"] }
            kind = { value = "team" }
            """
        let workspace = try TemporaryWorkspace(
            toml: toml,
            text: [
                "calls.ndjson": """
                {"line": "A", "no": 1, "kind": "call", "site": "TLV"}
                {"line": "A", "no": 2, "kind": "test", "site": "TLV"}
                {"line": "B", "no": 1, "kind": "call", "site": "HFA"}

                """
            ])
        let (dataset, report) = try workspace.load()
        let calls = try #require(dataset["calls"])
        #expect((0..<calls.rowCount).map { calls.key(ofRow: $0) } == ["A:1", "B:1"])
        #expect(report.entities["calls"]?.droppedRows == ["data/calls.ndjson": 1])
        let teams = try #require(dataset["teams"])
        #expect((0..<teams.rowCount).map { teams.key(ofRow: $0) } == ["TLV-A", "HFA-B"])
    }

    @Test func checkShowsHowManyRowsTheFiltersDropped() throws {
        let workspace = try TemporaryWorkspace(toml: Self.callMapping, text: ["log.txt": Self.callLog])
        let report = WorkspaceChecker(workspace: try workspace.open()).check()
        let calls = try #require(report.entities.first { $0.entity == "calls" })
        #expect(
            calls.droppedRows == [DroppedRows(file: "data/log.txt", filters: ["drop outcome = \"PHANTOM\""], rows: 1)])
        #expect(calls.rows == 3)
        #expect(!report.hasProblems)
    }

    @Test func aFilterOnAMissingColumnIsAFileError() throws {
        let toml = Self.callMapping.replacingOccurrences(of: "drop = { outcome", with: "drop = { result")
        let workspace = try TemporaryWorkspace(toml: toml, text: ["log.txt": Self.callLog])
        let (_, report) = try workspace.loadAll()
        #expect(
            report.entities["calls"]?.fileErrors.map(\.description) == [
                "data/log.txt:result: no column \"result\" in this file (columns: vru+line, call_id, date, q_start, "
                    + "q_time, outer, outcome, server)"
            ])
    }

    @Test func aValueErrorShowsTheRawAndTheMappedValue() throws {
        let toml = """
            [entities.calls]
            file = "calls.csv"
            [entities.calls.fields]
            wait_seconds = { column = "wait", map = { "n/a" = "" } }
            [entities.calls.custom]
            channel = { column = "channel", type = "enum", values = ["phone", "chat"], map = { P = "phone", C = "chat", X = "chat" } }
            """
        let workspace = try TemporaryWorkspace(
            toml: toml, text: ["calls.csv": "id,wait,channel,abandoned\nc1,n/a,P,no\nc2,12.5,C,no\n"])
        let (dataset, report) = try workspace.load(lenient: true)
        #expect(dataset["calls"]?.rowCount == 1)
        #expect(dataset["calls"]?["wait_seconds"]?.value(at: 0) == .null)
        #expect(
            report.entities["calls"]?.problems.map(\.description) == [
                "data/calls.csv:3:wait (wait_seconds): expected a duration (seconds, M:SS, H:MM:SS or ISO 8601 "
                    + "such as PT2M23S), found \"12.5\""
            ])
    }

    @Test func aMappedValueThatIsNotOfTheFieldTypeNamesBoth() throws {
        let toml = """
            [entities.users]
            file = "users.csv"
            [entities.users.fields]
            team = { column = "team", map = { HQ = "" } }
            hire_date = { column = "hired", map = { unknown = "1900-00-00" } }
            """
        let workspace = try TemporaryWorkspace(
            toml: toml, text: ["users.csv": "id,team,hired\nu1,HQ,unknown\n"])
        let (_, report) = try workspace.load(lenient: true)
        #expect(
            report.entities["users"]?.problems.map(\.description) == [
                "data/users.csv:2:hired (hire_date): expected a date (ISO 8601), found \"1900-00-00\" "
                    + "(mapped from \"unknown\")"
            ])
    }

    @Test(arguments: [("109.0", CellValue.integer(109)), ("109", .integer(109)), ("-7.000", .integer(-7))])
    func anIntegralDecimalIsAcceptedInAnIntegerField(text: String, expected: CellValue) throws {
        let workspace = try TemporaryWorkspace(
            toml: "[entities.accounts]\nfile = \"a.csv\"\n", text: ["a.csv": "id,employees\na1,\(text)\n"])
        let (dataset, _) = try workspace.load()
        #expect(dataset["accounts"]?["employees"]?.value(at: 0) == expected)
    }

    @Test func aFractionalNumberIsStillRejectedInAnIntegerField() throws {
        let workspace = try TemporaryWorkspace(
            toml: "[entities.accounts]\nfile = \"a.csv\"\n", text: ["a.csv": "id,employees\na1,109.5\n"])
        let (_, report) = try workspace.load(lenient: true)
        #expect(
            report.entities["accounts"]?.problems.map(\.description) == [
                "data/a.csv:2:employees: expected a whole number, found \"109.5\""
            ])
    }

    @Test func aCompositeFieldIsNullWhenAnyOfItsCellsIsEmpty() throws {
        let toml = """
            [entities.users]
            file = "users.csv"
            [entities.users.fields]
            id = "id"
            email = { columns = ["login", "domain"], separator = "@" }
            """
        let workspace = try TemporaryWorkspace(
            toml: toml, text: ["users.csv": "id,login,domain\nu1,ann,example.com\nu2,,example.com\n"])
        let (dataset, report) = try workspace.load()
        let email = try #require(dataset["users"]?["email"])
        #expect(email.value(at: 0) == .string("ann@example.com"))
        #expect(email.value(at: 1) == .null)
        #expect(report.entities["users"]?.unusedColumns.isEmpty == true)
    }

    @Test(arguments: [
        (
            "id = { columns = [\"a\"] }",
            "yardstick.toml: entities.users.fields.id.columns: columns lists two or more column names "
                + "(use column = \"…\" for one)"
        ),
        (
            "id = { column = \"a\", columns = [\"a\", \"b\"] }",
            "yardstick.toml: entities.users.fields.id: give only one of column, columns (a field has one origin)"
        ),
        (
            "hire_date = { date = \"d\", time = \"t\" }",
            "yardstick.toml: entities.users.fields.hire_date: date and time build a datetime; hire_date is not "
                + "a datetime field"
        ),
        (
            "id = { column = \"a\", separator = \"/\" }",
            "yardstick.toml: entities.users.fields.id.separator: separator applies to columns = [...] only"
        ),
        (
            "name = { date = \"d\" }",
            "yardstick.toml: entities.users.fields.name: date and time go together: date = \"date column\", "
                + "time = \"time column\""
        ),
    ])
    func malformedFieldOriginsAreWorkspaceErrors(field: String, message: String) throws {
        let workspace = try TemporaryWorkspace(
            toml: "[entities.users]\nfile = \"u.csv\"\n[entities.users.fields]\n\(field)\n")
        do {
            _ = try workspace.open()
            Issue.record("expected a workspace error")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test(arguments: [
        (
            "escalated = { column = \"e\", map = { Y = \"oui\" } }",
            "yardstick.toml: entities.cases.fields.escalated.map.Y: \"oui\" is not a target of boolean field "
                + "escalated (write true or false)"
        ),
        (
            "status = { column = \"s\", map = { O = \"opened\" } }",
            "yardstick.toml: entities.cases.fields.status.map.O: \"opened\" is not a value of status "
                + "(new, open, pending, resolved, closed)"
        ),
    ])
    func mapTargetsAreCheckedAgainstTheFieldType(field: String, message: String) throws {
        let workspace = try TemporaryWorkspace(
            toml: "[entities.cases]\nfile = \"c.csv\"\n[entities.cases.fields]\n\(field)\n")
        do {
            _ = try workspace.open()
            Issue.record("expected a workspace error")
        } catch {
            #expect("\(error)" == message)
        }
    }
}
