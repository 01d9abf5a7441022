import Foundation
import Testing
import YardstickData

/// A source that is not a file loads through the same mapping, typing, filters, rejects and
/// located errors as CSV and JSON files.
@Suite struct RecordSourceTests {
    static let toml = """
        [sources.data]
        path = "data"
        [entities.opportunities]
        file = "deals.csv"
        drop = { Stage = ["Test"] }
        [entities.opportunities.fields]
        id = "Deal ID"
        amount = "Value"
        closed_at = { column = "Closed", format = "%d/%m/%Y" }
        stage = { column = "Stage", map = { "Closed Won" = "won", "Closed Lost" = "lost" } }
        [entities.opportunities.custom]
        seats = { column = "Seats", type = "integer" }
        strategic = { column = "Strategic", type = "boolean" }
        """

    static let header = ["Deal ID", "Value", "Closed", "Stage", "Seats", "Strategic"]

    /// A workspace whose mapping names `data/deals.csv`, which does not exist on disk: the
    /// rows come from memory.
    func load(
        _ source: InMemoryRecordSource, lenient: Bool = true
    ) throws -> (dataset: Dataset, report: LoadReport) {
        let folder = try TemporaryWorkspace(toml: Self.toml)
        let workspace = try Workspace.open(directory: folder.directory)
        let opener = InMemorySourceOpener(sources: ["data/deals.csv": source])
        return DataLoader(workspace: workspace, options: LoadOptions(lenient: lenient), opener: opener).loadAll()
    }

    func source(_ rows: [[String?]], firstNumber: Int = 101) -> InMemoryRecordSource {
        InMemoryRecordSource(
            header: Self.header, rows: rows.enumerated().map { (firstNumber + $0.offset, $0.element) })
    }

    @Test func rowsFromMemoryAreMappedTypedAndFiltered() throws {
        let (dataset, report) = try load(
            source([
                ["D1", "12.50", "31/10/2026", "Closed Won", "3", "yes"],
                ["D2", nil, "01/11/2026", "Closed Lost", nil, "no"],
                ["T1", "1", "01/11/2026", "Test", "1", "no"],
            ]))
        let table = try #require(dataset.tables["opportunities"])
        #expect(table.rowCount == 2)
        #expect(table.columns["amount"]?.value(at: 0) == .decimal(ExactDecimal(scaled: 125_000)))
        #expect(table.columns["amount"]?.isNull(1) == true)
        #expect(table.columns["stage"]?.value(at: 0) == .string("won"))
        #expect(table.columns["stage"]?.value(at: 1) == .string("lost"))
        #expect(table.columns["seats"]?.value(at: 0) == .integer(3))
        #expect(table.columns["strategic"]?.value(at: 1) == .boolean(false))
        let entity = try #require(report.entities["opportunities"])
        #expect(entity.rowsLoaded == 2)
        #expect(entity.droppedRows == ["data/deals.csv": 1])
        #expect(entity.encodings.isEmpty)
        #expect(!report.hasProblems)
    }

    /// The same bad rows, once from a CSV file and once from memory numbered as the file's
    /// lines, give the same problems word for word.
    @Test(arguments: [
        ["D1", "12.5.0", "31/10/2026", "Closed Won", "3", "yes"],
        ["D1", "12", "2026-10-31", "Closed Won", "3", "yes"],
        ["D1", "12", "31/10/2026", "Won-ish", "3", "yes"],
        ["D1", "12", "31/10/2026", "Closed Won", "three", "yes"],
        ["D1", "12", "31/10/2026", "Closed Won", "3", "maybe"],
        ["", "12", "31/10/2026", "Closed Won", "3", "yes"],
    ])
    func badValuesGetTheSameLocatedErrorsAsFromAFile(row: [String]) throws {
        let csv =
            Self.header.joined(separator: ",") + "\nD0,1,01/10/2026,Closed Won,1,no\n"
            + row.joined(separator: ",") + "\n"
        let file = try TemporaryWorkspace(toml: Self.toml, text: ["deals.csv": csv])
        let fromFile = try file.loadAll().1.entities["opportunities"]?.problems.map(\.description)
        let memory = source([["D0", "1", "01/10/2026", "Closed Won", "1", "no"], row], firstNumber: 2)
        let fromMemory = try load(memory).report.entities["opportunities"]?.problems.map(\.description)
        #expect(fromFile?.count == 1)
        #expect(fromMemory == fromFile)
        #expect(fromMemory?.first?.hasPrefix("data/deals.csv:3:") == true, "\(fromMemory ?? [])")
    }

    @Test func aBadValueIsLocatedByTheSourcesOwnRowNumber() throws {
        let (_, report) = try load(
            source([
                ["D1", "12.50", "31/10/2026", "Closed Won", "3", "yes"],
                ["D2", "12", "31/10/2026", "Closed Won", "several", "yes"],
            ]))
        let problem = try #require(report.entities["opportunities"]?.problems.first)
        #expect(problem.file == "data/deals.csv")
        #expect(problem.row == 102)
        #expect(problem.column == "Seats")
        #expect(problem.field == "seats")
        #expect(problem.value == "several")
        #expect(problem.description == "data/deals.csv:102:Seats (seats): expected a whole number, found \"several\"")
    }

    @Test func aRowOfTheWrongWidthIsRejected() throws {
        let (_, report) = try load(source([["D1", "12.50", "31/10/2026", "Closed Won", "3"]]))
        #expect(
            report.entities["opportunities"]?.problems.map(\.description)
                == ["data/deals.csv:101: expected 6 fields as in the header, found 5"])
    }

    @Test func aNulByteInACellRejectsItsRow() throws {
        let (_, report) = try load(source([["D1", "12\u{0}", "31/10/2026", "Closed Won", "3", "yes"]]))
        let problem = try #require(report.entities["opportunities"]?.problems.first)
        #expect(problem.row == 101)
        #expect(problem.column == "Value")
        #expect(problem.message.hasPrefix("a NUL byte in the value"))
    }

    @Test func aSourceThatFailsMidwayIsAFileErrorThatFailsTheLoad() throws {
        var failing = source([
            ["D1", "12.50", "31/10/2026", "Closed Won", "3", "yes"],
            ["D2", "12.50", "31/10/2026", "Closed Won", "3", "yes"],
        ])
        failing.failure = (1, SourceError(file: "data/deals.csv", message: "the connection was lost"))
        let folder = try TemporaryWorkspace(toml: Self.toml)
        let loader = DataLoader(
            workspace: try Workspace.open(directory: folder.directory), options: LoadOptions(lenient: true),
            opener: InMemorySourceOpener(sources: ["data/deals.csv": failing]))
        #expect(throws: LoadFailure.self) { try loader.load() }
        let report = loader.loadAll().report
        #expect(
            report.entities["opportunities"]?.fileErrors.map(\.description)
                == ["data/deals.csv: the connection was lost"])
    }

    @Test func aSourceThatCannotBeOpenedIsAFileError() throws {
        let folder = try TemporaryWorkspace(toml: Self.toml)
        let loader = DataLoader(
            workspace: try Workspace.open(directory: folder.directory), opener: InMemorySourceOpener(sources: [:]))
        let report = loader.loadAll().report
        #expect(
            report.entities["opportunities"]?.fileErrors.map(\.description)
                == ["data/deals.csv: no such table in memory"])
    }

    @Test func aHeaderNamingAColumnTwiceIsRefusedWhateverTheSource() throws {
        let twice = InMemoryRecordSource(header: Self.header + ["value"], rows: [])
        let report = try load(twice).report
        #expect(
            report.entities["opportunities"]?.fileErrors.first?.message
                == "the header names column \"value\" twice (columns 2 and 7); rename one")
    }
}

extension RecordSourceTests {
    @Test func checkInspectsRowsFromMemoryAsItInspectsFiles() throws {
        let folder = try TemporaryWorkspace(toml: Self.toml)
        let memory = source([
            ["D1", "12.50", "31/10/2026", "Closed Won", "3", "yes"],
            ["D2", "5", "31/10/2026", "Closed Won", "several", "yes"],
            ["D3", "-5", "31/10/2026", "Closed Won", "2", "yes"],
        ])
        let checker = WorkspaceChecker(
            workspace: try Workspace.open(directory: folder.directory),
            today: 20_400, opener: InMemorySourceOpener(sources: ["data/deals.csv": memory]))
        let report = checker.check()
        let entity = try #require(report.entities.first { $0.entity == "opportunities" })
        #expect(entity.rows == 2)
        #expect(entity.rejectedRows == 1)
        #expect(entity.encodings.isEmpty)
        let descriptions = entity.problems.map(\.description)
        #expect(
            descriptions.contains {
                $0.hasSuffix("data/deals.csv:102:Seats (seats): expected a whole number, found \"several\"")
            },
            "\(descriptions)")
        // The vocabulary's rules run on the loaded rows, whatever their source.
        #expect(entity.problems.contains { $0.field == "amount" }, "\(descriptions)")
    }
}

extension RecordSourceTests {
    @Test func anOpenerCanTellWhichSourceEachPartBelongsTo() throws {
        let folder = try TemporaryWorkspace(
            toml: """
                [sources.crm]
                path = "data"
                [sources.exports]
                path = "exports"
                [entities.opportunities]
                source = "crm"
                file = "deals.csv"
                [entities.users]
                source = "exports"
                file = "users.csv"
                """)
        let workspace = try Workspace.open(directory: folder.directory)
        let deals = try #require(workspace.mapping(of: "opportunities")?.parts.first)
        let users = try #require(workspace.mapping(of: "users")?.parts.first)
        #expect(deals.sourceName == "crm")
        #expect(users.sourceName == "exports")
        #expect(workspace.sources[users.sourceName]?.path == folder.directory + "/exports")
    }
}
