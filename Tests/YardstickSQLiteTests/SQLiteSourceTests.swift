import Foundation
import GRDB
import Testing
import YardstickData
import YardstickSQLite

/// Loading entities from SQLite tables and queries through the loader's mapping and typing.
@Suite struct SQLiteSourceTests {
    static let toml = """
        [sources.crm]
        kind = "sqlite"
        path = "crm.sqlite"
        [entities.users]
        table = "users"
        [entities.opportunities]
        table = "deals"
        [entities.opportunities.fields]
        created_at = "created"
        stage = { column = "stage", map = { Won = "won", Lost = "lost", Open = "proposal" } }
        [entities.opportunities.custom]
        units = { column = "units", type = "integer" }
        """

    @Test func typedColumnsLoadAsTheirCSVTextWould() throws {
        let workspace = try SQLiteWorkspace(toml: Self.toml, sql: SQLiteWorkspace.pipelineSQL)
        let (dataset, report) = try workspace.load()
        #expect(report.rejectedRows == 0, "\(report.rejectedProblems)")
        let deals = try #require(dataset["opportunities"])
        #expect(deals.rowCount == 4)
        let amount = try #require(deals["amount"])
        #expect(amount.value(at: 0) == .decimal(ExactDecimal(scaled: 12_785_600)))
        #expect(amount.value(at: 1) == .decimal(ExactDecimal(3)))
        #expect(amount.value(at: 2) == .null)
        #expect(amount.value(at: 3) == .decimal(ExactDecimal(12)))
        #expect(deals["units"]?.value(at: 0) == .integer(3))
        #expect(deals["units"]?.value(at: 2) == .null)
        #expect(deals["stage"]?.value(at: 0) == .string("won"))
        #expect(deals["stage"]?.value(at: 3) == .string("proposal"))
        #expect(deals["created_at"]?.value(at: 1) == .date(CivilDate.dayNumber(year: 2026, month: 10, day: 2)))
        #expect(deals["owner"]?.value(at: 2) == .string("u2"))
        #expect(dataset["users"]?.rowCount == 2)
    }

    @Test func aQueryFeedsAnEntityWithComputedColumnsAndItsOwnFilter() throws {
        let toml = """
            [sources.crm]
            kind = "sqlite"
            path = "crm.sqlite"
            [entities.users]
            table = "users"
            [entities.opportunities]
            query = \"\"\"
            SELECT id, owner, lower(stage) AS stage, amount * 2 AS amount, created AS created_at
            FROM deals WHERE stage <> 'Open' ORDER BY id DESC
            \"\"\"
            """
        let workspace = try SQLiteWorkspace(toml: toml, sql: SQLiteWorkspace.pipelineSQL)
        let (dataset, report) = try workspace.load()
        #expect(report.rejectedRows == 0, "\(report.rejectedProblems)")
        let deals = try #require(dataset["opportunities"])
        #expect(deals.rowCount == 3)
        #expect(deals.key(ofRow: 0) == "d3")
        #expect(deals["amount"]?.value(at: 0) == .null)
        #expect(deals["amount"]?.value(at: 1) == .decimal(ExactDecimal(6)))
        #expect(deals["amount"]?.value(at: 2) == .decimal(ExactDecimal(scaled: 25_571_200)))
        #expect(deals["stage"]?.value(at: 1) == .string("lost"))
    }

    @Test func aNonIntegralRealInAnIntegerFieldIsRejectedWithItsLocation() throws {
        let workspace = try SQLiteWorkspace(
            toml: Self.toml, sql: SQLiteWorkspace.pipelineSQL + "UPDATE deals SET units = 2.5 WHERE id = 'd2';")
        let (dataset, report) = try workspace.load()
        #expect(dataset["opportunities"]?.rowCount == 3)
        let problem = try #require(report.rejectedProblems.first)
        #expect(report.rejectedRows == 1)
        #expect(problem.file == "crm.sqlite:deals")
        #expect(problem.row == 2)
        #expect(problem.column == "units")
        #expect(problem.value == "2.5")
        #expect(problem.description.hasPrefix("crm.sqlite:deals:2:units: "), "\(problem)")
    }

    @Test func aTextThatIsNoNumberIsRejectedLikeACSVCell() throws {
        let workspace = try SQLiteWorkspace(
            toml: Self.toml, sql: SQLiteWorkspace.pipelineSQL + "UPDATE deals SET amount = 'lots' WHERE id = 'd4';")
        let (_, report) = try workspace.load()
        let problem = try #require(report.rejectedProblems.first)
        #expect(problem.row == 4)
        #expect(problem.column == "amount")
        #expect(problem.value == "lots")
    }

    @Test func nullTakesTheFieldsDefaultAsAnEmptyCellDoes() throws {
        let toml = Self.toml.replacingOccurrences(
            of: "units = { column = \"units\", type = \"integer\" }",
            with: "units = { column = \"units\", type = \"integer\", default = \"1\" }")
        let workspace = try SQLiteWorkspace(toml: toml, sql: SQLiteWorkspace.pipelineSQL)
        let (dataset, _) = try workspace.load()
        #expect(dataset["opportunities"]?["units"]?.value(at: 2) == .integer(1))
        #expect(dataset["opportunities"]?["units"]?.value(at: 0) == .integer(3))
    }

    @Test func aMissingRequiredIdIsRejected() throws {
        let workspace = try SQLiteWorkspace(
            toml: Self.toml, sql: SQLiteWorkspace.pipelineSQL + "UPDATE deals SET id = NULL WHERE id = 'd3';")
        let (_, report) = try workspace.load()
        let problem = try #require(report.rejectedProblems.first)
        #expect(problem.file == "crm.sqlite:deals")
        #expect(problem.row == 3)
        #expect(problem.field == "id")
    }

    @Test func aMissingTableIsAnErrorNamingIt() throws {
        let toml = Self.toml.replacingOccurrences(of: "table = \"deals\"", with: "table = \"deal\"")
        let workspace = try SQLiteWorkspace(toml: toml, sql: SQLiteWorkspace.pipelineSQL)
        #expect {
            _ = try DataLoader(workspace: try workspace.open(), opener: SQLiteSourceOpener()).load()
        } throws: { error in
            "\(error)".contains("crm.sqlite:deal: no table or view named deal")
        }
    }

    @Test func aQueryThatWouldWriteIsRefused() throws {
        let toml = Self.toml.replacingOccurrences(
            of: "table = \"deals\"", with: "query = \"DELETE FROM deals RETURNING id\"")
        let workspace = try SQLiteWorkspace(toml: toml, sql: SQLiteWorkspace.pipelineSQL)
        #expect {
            _ = try DataLoader(workspace: try workspace.open(), opener: SQLiteSourceOpener()).load()
        } throws: { error in
            "\(error)".contains("crm.sqlite:opportunities: the query would write")
        }
        let queue = try DatabaseQueue(path: workspace.folder.path("crm.sqlite"))
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM deals") } == 4)
    }

    @Test func aQueryWithASyntaxErrorGivesSQLitesMessage() throws {
        let toml = Self.toml.replacingOccurrences(of: "table = \"deals\"", with: "query = \"SELEC id FROM deals\"")
        let workspace = try SQLiteWorkspace(toml: toml, sql: SQLiteWorkspace.pipelineSQL)
        #expect {
            _ = try DataLoader(workspace: try workspace.open(), opener: SQLiteSourceOpener()).load()
        } throws: { error in
            "\(error)".contains("crm.sqlite:opportunities: SQLite: near \"SELEC\": syntax error")
        }
    }

    @Test func aMissingDatabaseFileIsAnError() throws {
        let toml = Self.toml.replacingOccurrences(of: "path = \"crm.sqlite\"", with: "path = \"other.sqlite\"")
        let workspace = try SQLiteWorkspace(toml: toml, sql: SQLiteWorkspace.pipelineSQL)
        #expect {
            _ = try DataLoader(workspace: try workspace.open(), opener: SQLiteSourceOpener()).load()
        } throws: { error in
            "\(error)".contains("other.sqlite:users: database file not found")
        }
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.path("other.sqlite")))
    }

    @Test func theFileOpenerRefusesADatabasePartWithAReason() throws {
        let workspace = try SQLiteWorkspace(toml: Self.toml, sql: SQLiteWorkspace.pipelineSQL)
        #expect {
            _ = try DataLoader(workspace: try workspace.open()).load()
        } throws: { error in
            "\(error)".contains("a database source needs a program that reads databases")
        }
    }
}
