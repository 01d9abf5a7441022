import Foundation
import YardstickData
import YardstickLocalization

/// Renders a check report as terminal text.
enum CheckRenderer {
    static func render(_ report: CheckReport) -> String {
        var out: [String] = [tr("Workspace: %@", report.workspace), ""]
        var summary = TextTable(
            headers: [tr("entity"), tr("rows"), tr("rejected"), tr("first date"), tr("last date"), tr("problems")],
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
                headers: [tr("field"), tr("type"), tr("filled"), tr("complete"), tr("span / integrity")],
                rightAligned: [2, 3])
            for field in entity.fields {
                var notes: [String] = []
                if let span = field.span { notes.append("\(span.first) … \(span.last)") }
                if let unresolved = field.unresolved {
                    notes.append(unresolved == 0 ? tr("all resolve") : tr("%@ unresolved", unresolved))
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
                out.append(tr("  unused columns in %@: %@", DisplayText.escaped(file), names.joined(separator: ", ")))
            }
            for dropped in entity.droppedRows {
                out.append(
                    tr(
                        "  %@ rows of %@ dropped by the mapping's filters (%@)", dropped.rows, dropped.file,
                        dropped.filters.joined(separator: "; ")))
            }
            for problem in entity.problems {
                let field = problem.field.map { " \($0)" } ?? ""
                out.append("  ! \(problem.kind.rawValue)\(field): \(problem)")
            }
        }
        out.append("")
        out.append(
            report.hasProblems
                ? (report.problemCount == 1
                    ? tr("1 problem found (* marks custom fields).")
                    : tr("%@ problems found (* marks custom fields).", report.problemCount))
                : tr("No problems found (* marks custom fields)."))
        return out.joined(separator: "\n")
    }
}
