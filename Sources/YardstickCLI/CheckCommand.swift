import ArgumentParser
import Foundation
import YardstickData

/// `yardstick check`: validates a workspace and its data without running anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the workspace and its data without running any indicator.",
        discussion: """
            Reports unknown or missing mapped columns, bad values (file:row:column (field)), \
            references that name no row, duplicate ids, implausible dates, and per entity the \
            rows, date span and completeness of each field.
            Exit codes: 0 clean, 1 data problems found, 2 the workspace itself is invalid.
            """)

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: "Output format: table or json.")
    var format: ReportFormat = .table

    func run() throws {
        let workspace: Workspace
        do {
            workspace = try Workspace.open(directory: workspaceOptions.directory)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let report = WorkspaceChecker(workspace: workspace).check()
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
            out.append("\(entity.entity) — \(entity.files.joined(separator: ", "))")
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
                    String(format: "%.1f%%", field.completeness * 100), notes.joined(separator: "; "),
                ])
            }
            out.append(fields.render(indent: "  "))
            for (file, columns) in entity.unusedColumns.sorted(by: { $0.key < $1.key }) {
                out.append("  unused columns in \(file): \(columns.joined(separator: ", "))")
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
                ? "\(report.problemCount) problems found (* marks custom fields)."
                : "No problems found (* marks custom fields).")
        return out.joined(separator: "\n")
    }
}
