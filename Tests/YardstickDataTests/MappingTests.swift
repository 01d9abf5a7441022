import Foundation
import Testing

@testable import YardstickData

@Suite struct MappingTests {
    @Test func headersMatchIgnoringCaseAndSpacesAndSameNamedColumnsMapThemselves() throws {
        let workspace = try TemporaryWorkspace(
            toml: "[entities.users]\nfile = \"u.csv\"\n",
            text: ["u.csv": " ID , Name ,TEAM\nu1,Ann,\nu2,王芳,\n"])
        let (dataset, _) = try workspace.load()
        let users = try #require(dataset["users"])
        #expect(users.rowCount == 2)
        #expect(users["name"]?.value(at: 1) == .string("王芳"))
        #expect(users.row(forKey: "u2") == 1)
    }

    @Test func constantsDefaultsDistinctAndSeveralFilesCombine() throws {
        let toml = """
            [[entities.teams]]
            file = "people.csv"
            distinct = true
            [entities.teams.fields]
            id = "team"
            kind = { value = "team" }
            parent = { column = "dept", default = "HQ" }
            [[entities.teams]]
            file = "depts.csv"
            [entities.teams.fields]
            kind = { value = "department" }
            """
        let workspace = try TemporaryWorkspace(
            toml: toml,
            text: [
                "people.csv": "name,team,dept\na,T1,D1\nb,T1,D1\nc,T2,\n",
                "depts.csv": "id,name\nD1,Sales\nHQ,Head office\n",
            ])
        let (dataset, report) = try workspace.load()
        let teams = try #require(dataset["teams"])
        #expect((0..<teams.rowCount).map { teams.key(ofRow: $0) } == ["T1", "T2", "D1", "HQ"])
        #expect(teams["kind"]?.value(at: 0) == .string("team"))
        #expect(teams["kind"]?.value(at: 3) == .string("department"))
        #expect(teams["parent"]?.value(at: 1) == .string("HQ"))
        #expect(teams["parent"]?.value(at: 2) == .null)
        #expect(teams["name"]?.value(at: 2) == .string("Sales"))
        #expect(teams["parent"]?.referencedRows == [2, 3, -1, -1])
        #expect(report.entities["teams"]?.unusedColumns["data/people.csv"] == ["name"])
    }

    @Test func customEntitiesAndJSONSourcesLoad() throws {
        let toml = """
            [entities.contracts]
            file = "contracts.json"
            [entities.contracts.custom]
            id = { column = "contract_no", type = "string" }
            value = { type = "decimal" }
            signed = { type = "date" }
            owner = { type = "reference", references = "users" }
            [entities.users]
            file = "users.ndjson"
            """
        let workspace = try TemporaryWorkspace(
            toml: toml,
            text: [
                "contracts.json":
                    #"{"contracts": [{"contract_no": "C-1", "value": 1200.5, "signed": "2026-01-15", "owner": "u1"}, {"contract_no": "C-2", "value": 7, "signed": null, "owner": "u9"}]}"#,
                "users.ndjson": "{\"id\": \"u1\", \"name\": \"Ann\"}\n\n{\"id\": \"u2\", \"name\": \"Bo\"}\n",
            ])
        let (dataset, _) = try workspace.load()
        let contracts = try #require(dataset["contracts"])
        #expect(contracts.rowCount == 2)
        #expect(contracts["value"]?.value(at: 0) == .decimal(ExactDecimal(scaled: 12_005_000)))
        #expect(contracts["signed"]?.value(at: 1) == .null)
        #expect(contracts["owner"]?.referencedRows == [0, -2])
        #expect(dataset["users"]?.rowCount == 2)
    }

    @Test func datetimesWithoutOffsetAreReadInTheWorkspaceZone() throws {
        let toml = """
            [workspace]
            timezone = "Asia/Shanghai"
            [entities.cases]
            file = "cases.csv"
            """
        let workspace = try TemporaryWorkspace(
            toml: toml,
            text: ["cases.csv": "id,opened_at\nc1,2026-10-31 07:30:00\nc2,2026-10-31T07:30:00Z\n"])
        let (dataset, _) = try workspace.load()
        let cases = try #require(dataset["cases"])
        #expect(cases["opened_at"]?.value(at: 0).description == "2026-10-30T23:30:00Z")
        #expect(cases["opened_at"]?.value(at: 1).description == "2026-10-31T07:30:00Z")
        // Both fall on 31 October in Shanghai.
        #expect(cases.dateIndexes["opened_at"]?.localDays == [20_757, 20_757])
    }

    @Test(arguments: [
        (
            "[entities.users]\nfile = \"u.csv\"\nencodng = \"gbk\"\n",
            "yardstick.toml: entities.users.encodng: unknown key (expected one of: column_names, custom, delimiter, distinct, drop, encoding, fields, file, format, formats, keep, match_columns, query, source, table, widths)"
        ),
        (
            "[entities.users]\nfile = \"u.csv\"\n[entities.users.fields]\nsalary = \"pay\"\n",
            "yardstick.toml: entities.users.fields.salary: users has no field salary; declare it under [entities.users.custom] with a type"
        ),
        (
            "[entities.opportunities]\nfile = \"o.csv\"\n[entities.opportunities.fields]\nstage = { column = \"s\", map = { Won = \"closed-won\" } }\n",
            "yardstick.toml: entities.opportunities.fields.stage.map.Won: \"closed-won\" is not a value of stage (prospecting, qualification, proposal, negotiation, won, lost)"
        ),
        (
            "[workspace]\ntimezone = \"Mars/Olympus\"\n",
            "yardstick.toml: workspace.timezone: unknown time zone \"Mars/Olympus\" (use an IANA name such as Asia/Shanghai)"
        ),
        (
            "[entities.users]\nfile = \"u.csv\"\n[entities.users.custom]\nlevel = { type = \"float\" }\n",
            "yardstick.toml: entities.users.custom.level.type: unknown type \"float\" (string, integer, decimal, boolean, date, datetime, enum, reference)"
        ),
        (
            "[entities.users]\nfile = \"u.csv\"\n[entities.users.formats]\ndate = \"%d.%q\"\n",
            "yardstick.toml: entities.users.formats.date: unsupported directive %q in \"%d.%q\" (supported: %Y %y %m %b %d %H %M %S %z, or \"auto\")"
        ),
    ])
    func workspaceMistakesAreNamedByKey(toml: String, message: String) throws {
        let workspace = try TemporaryWorkspace(toml: toml)
        #expect {
            _ = try workspace.open()
        } throws: { error in
            let text = (error as? WorkspaceError)?.description ?? "\(error)"
            if text != message { Issue.record("got: \(text)") }
            return text == message
        }
    }

    @Test func invalidTOMLReportsItsLine() throws {
        let workspace = try TemporaryWorkspace(toml: "[workspace]\nname = \n")
        #expect {
            _ = try workspace.open()
        } throws: { error in
            (error as? WorkspaceError)?.line == 2
        }
    }
}
