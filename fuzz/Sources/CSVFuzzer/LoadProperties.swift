import Foundation
import FuzzSupport
import YardstickData

/// What must hold when a workspace whose data file is the fuzz input is loaded and checked.
///
/// The file feeds `opportunities` (text, enum, reference, decimal, date and datetime fields,
/// plus integer and boolean custom fields), so every value parser of the column builders
/// sees fuzzed text.
///
/// - Loading either succeeds or throws a ``LoadFailure``; a strict load that succeeds has no
///   problems, one that fails has some.
/// - Every problem names the data file, has a message, and a row at line 1 or after when it
///   has one; rejected rows are counted at least as often as they are sampled.
/// - The table has exactly the rows the report says were loaded, no more rows than the file
///   has lines, and every column has one value per row.
/// - `check` runs to completion on whatever was loaded.
enum LoadProperties {
    static let folder = ScratchFolder("csv")
    nonisolated(unsafe) static var workspaces: [String: Workspace] = [:]

    static func check(_ file: [UInt8], options: CSVFuzzOptions) {
        folder.write("data/input.csv", file)
        let workspace = self.workspace(options)
        let loader = DataLoader(workspace: workspace, options: LoadOptions(lenient: options.lenient, parallel: false))
        let lineCount = CSVProperties.lineCount(file)
        let dataset: Dataset
        let report: LoadReport
        do {
            (dataset, report) = try loader.load()
        } catch {
            require(error.report.hasProblems, "a load failed without a problem")
            requireLocated(error.report)
            return
        }
        requireLocated(report)
        if !options.lenient { require(!report.hasProblems, "a strict load succeeded with problems") }
        guard let table = dataset["opportunities"], let entity = report.entities["opportunities"] else {
            invariantFailure("the loaded dataset has no opportunities table")
        }
        require(
            table.rowCount == entity.rowsLoaded,
            "\(table.rowCount) rows in the table, \(entity.rowsLoaded) reported loaded")
        require(table.rowCount < lineCount, "\(table.rowCount) rows from a file of \(lineCount) lines")
        for (name, column) in table.columns {
            require(
                column.count == table.rowCount, "column \(name) has \(column.count) values for \(table.rowCount) rows")
            for row in 0..<column.count where !column.isNull(row) {
                _ = column.value(at: row)
            }
        }
        let findings = WorkspaceChecker(workspace: workspace).check(dataset: dataset, report: report)
        _ = findings
    }

    /// Every problem of a load names the data file, has a message, and a row ≥ 1 if any.
    static func requireLocated(_ report: LoadReport) {
        for (name, entity) in report.entities {
            require(entity.rejectedRows >= entity.problems.count, "\(name): more problems sampled than rejected rows")
            for problem in entity.problems + entity.fileErrors {
                require(problem.file.hasSuffix("input.csv"), "problem names \(problem.file): \(problem)")
                require(!problem.message.isEmpty, "problem without a message: \(problem)")
                if let row = problem.row { require(row >= 1, "problem on row \(row): \(problem)") }
            }
            for problem in entity.problems {
                require(problem.row != nil, "a rejected row without its line: \(problem)")
            }
        }
    }

    /// The workspace of these options, written and opened once per process.
    static func workspace(_ options: CSVFuzzOptions) -> Workspace {
        let text = toml(options)
        if let cached = workspaces[text] { return cached }
        folder.write("yardstick.toml", text: text)
        do {
            let workspace = try Workspace.open(directory: folder.path)
            workspaces[text] = workspace
            return workspace
        } catch {
            invariantFailure("the harness's own workspace does not open: \(error)\n\(text)")
        }
    }

    static func toml(_ options: CSVFuzzOptions) -> String {
        let delimiter: String
        switch options.dialect.delimiter {
        case 0x09: delimiter = "\\t"
        case 0x1F: delimiter = "\\u001F"
        default: delimiter = String(UnicodeScalar(options.dialect.delimiter))
        }
        var text = """
            [workspace]
            name = "fuzz"
            timezone = "Asia/Shanghai"
            [sources.data]
            kind = "folder"
            path = "data"
            encoding = "\(options.dialect.encoding.rawValue)"
            delimiter = "\(delimiter)"
            [entities.opportunities]
            file = "input.csv"

            """
        if options.explicitFields {
            text += """
                match_columns = false
                [entities.opportunities.fields]
                id = "id"
                owner = "owner"
                account = { column = "account", default = "a1" }
                stage = { column = "stage", map = { W = "won", L = "lost", Q = "qualification" } }
                amount = "amount"
                created_at = { column = "created_at", format = "%d/%m/%Y" }
                closed_at = "closed_at"
                name = { value = "deal" }
                [entities.opportunities.custom]
                seats = { column = "seats", type = "integer" }
                hot = { column = "hot", type = "boolean" }

                """
        }
        return text
    }
}
