import Foundation
import LuaRuntime
import YardstickData
import YardstickLocalization
import YardstickQuery

/// Renders an explanation for the terminal.
package enum ExplanationRenderer {
    /// The explanation as text: value, queries in words, record counts and the first records.
    package static func render(_ explanation: Explanation, dataset: Dataset, records: Int, locale: String) -> String {
        let definition = explanation.definition
        var lines = [
            "\(definition.title(locale: locale)) (\(definition.id)) — \(definition.file)",
            tr(
                "Subject: %@ (%@ %@)", DisplayText.example(explanation.subject.name),
                explanation.subject.grain.rawValue, explanation.subject.id),
            tr(
                "Period:  %@ (%@ … %@)", explanation.period.label, explanation.period.firstDate,
                explanation.period.lastDate),
            tr("Value:   %@", ReadableNumber.text(explanation.value, unit: definition.unit, locale: locale))
                + (explanation.value.reason.map { " — \($0)" } ?? ""),
        ]
        if !definition.description.isEmpty { lines.append(tr("Meaning: %@", definition.description)) }
        if explanation.queries.isEmpty {
            lines.append("")
            lines.append(tr("No query ran: the value does not come from records."))
        }
        for (number, query) in explanation.queries.enumerated() {
            lines.append("")
            var words =
                query.plan.restrictedToSubject
                ? tr("Query %@: %@ of the subject", number + 1, query.plan.entity)
                : tr("Query %@: %@ of the whole company", number + 1, query.plan.entity)
            if !query.plan.filters.isEmpty {
                words += tr(" where %@", query.plan.filters.map(\.description).joined(separator: tr(" and ")))
            }
            words += tr(" (period %@)", query.period)
            lines.append(words)
            let aggregate = query.aggregate.map { $0.description } ?? tr("rows")
            let grouping = query.groupedBy.map { tr(" grouped by %@", $0) } ?? ""
            lines.append(tr("  → %@%@ = %@ from %@ records", aggregate, grouping, query.value, query.rows.count))
            guard let table = dataset[query.plan.entity], !query.rows.isEmpty, records > 0 else { continue }
            let fields = table.entity.fields.map(\.name).filter { table[$0] != nil }
            var text = TextTable(headers: fields)
            for row in query.rows.prefix(records) {
                // Control characters escaped, long values cut (DisplayText).
                text.rows.append(fields.map { DisplayText.example(table[$0]?.value(at: Int(row)).description ?? "") })
            }
            lines.append(text.render(indent: "    "))
            if query.rows.count > records { lines.append(tr("    … %@ more records", query.rows.count - records)) }
        }
        return lines.joined(separator: "\n")
    }
}
