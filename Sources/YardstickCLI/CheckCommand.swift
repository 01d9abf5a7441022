import ArgumentParser
import Foundation
import YardstickData
import YardstickEngine

/// `yardstick check`: validates a workspace and its data without running anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the workspace and its data without running any indicator.",
        discussion: """
            Reports files that cannot be loaded, missing mapped columns, bad values \
            (file:row:column (field)), references that name no row, duplicate ids, implausible \
            dates, rows breaking the vocabulary's field rules, and per entity the encoding of \
            each file, the rows, the date span and the completeness of each field.
            --rejects FILE lists every rejected row, as run --lenient --rejects does.
            Exit codes: 0 clean, 1 data problems found, 2 the workspace itself is invalid \
            (with --format json, a JSON object {"error": "…"} on standard output).
            """)

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: "Output format: table or json.")
    var format: ReportFormat = .table

    @Option(help: "Write every rejected row to this CSV file (file,row,column,field,value,message), atomically.")
    var rejects: String?

    func run() throws {
        let workspace: Workspace
        do {
            workspace = try Workspace.open(directory: workspaceOptions.directory)
        } catch {
            printError("error: \(error)")
            if format == .json { print(Self.errorJSON("\(error)")) }
            throw ExitCode(2)
        }
        let (report, load) = WorkspaceChecker(workspace: workspace).checkAndLoad(
            problemSampleSize: rejects == nil ? 20 : .max)
        if let rejects {
            do {
                try AtomicFile.write(RejectsFile.csv(load), to: rejects)
            } catch {
                printError("error: \(error)")
                if format == .json { print(Self.errorJSON("\(error)")) }
                throw ExitCode(2)
            }
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(report)
            print(String(decoding: data, as: UTF8.self))
        case .table:
            print(CheckRenderer.render(report))
        }
        if report.hasProblems { throw ExitCode(1) }
    }

    /// `{"error": "…"}`, the JSON output of a check that could not start.
    static func errorJSON(_ message: String) -> String {
        let data = try? JSONSerialization.data(
            withJSONObject: ["error": message], options: [.sortedKeys, .withoutEscapingSlashes])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{\"error\":\"unknown error\"}"
    }
}

/// Renders a check report as terminal text.
enum CheckRenderer {
    static func render(_ report: CheckReport) -> String {
        var out: [String] = ["Workspace: \(report.workspace)", ""]
        var summary = TextTable(
            headers: ["entity", "rows", "rejected", "first date", "last date", "problems"],
            rightAligned: [1, 2, 5])
        for entity in report.entities {
            summary.rows.append([
                entity.entity, String(entity.rows), String(entity.rejectedRows),
                entity.dateSpan?.first ?? "—", entity.dateSpan?.last ?? "—",
                String(entity.problems.count),
            ])
        }
        out.append(summary.render())
        for entity in report.entities {
            out.append("")
            let files = entity.files.map { file in
                DisplayText.escaped(file) + (entity.encodings[file].map { " (\($0))" } ?? "")
            }
            out.append("\(entity.entity) — \(files.joined(separator: ", "))")
            var fields = TextTable(
                headers: ["field", "type", "filled", "complete", "span / integrity"],
                rightAligned: [2, 3])
            for field in entity.fields {
                var notes: [String] = []
                if let span = field.span { notes.append("\(span.first) … \(span.last)") }
                if let unresolved = field.unresolved {
                    notes.append(unresolved == 0 ? "all resolve" : "\(unresolved) unresolved")
                }
                fields.rows.append([
                    field.field + (field.custom ? " *" : ""),
                    field.type.hasPrefix("enum(") ? "enum" : field.type, String(field.filled),
                    field.completeness.map { String(format: "%.1f%%", $0 * 100) } ?? "—",
                    notes.joined(separator: "; "),
                ])
            }
            out.append(fields.render(indent: "  "))
            for (file, columns) in entity.unusedColumns.sorted(by: { $0.key < $1.key }) {
                let names = columns.map { DisplayText.example($0) }
                out.append("  unused columns in \(DisplayText.escaped(file)): \(names.joined(separator: ", "))")
            }
            for dropped in entity.droppedRows {
                out.append(
                    "  \(dropped.rows) rows of \(dropped.file) dropped by the mapping's filters "
                        + "(\(dropped.filters.joined(separator: "; ")))")
            }
            for problem in entity.problems {
                let field = problem.field.map { " \($0)" } ?? ""
                out.append("  ! \(problem.kind.rawValue)\(field): \(problem)")
            }
        }
        out.append("")
        out.append(
            report.hasProblems
                ? "\(report.problemCount) \(report.problemCount == 1 ? "problem" : "problems") found (* marks custom fields)."
                : "No problems found (* marks custom fields).")
        return out.joined(separator: "\n")
    }
}
