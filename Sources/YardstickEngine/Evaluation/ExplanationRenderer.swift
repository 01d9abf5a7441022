import Foundation
import LuaRuntime
import YardstickData
import YardstickQuery

/// Renders an explanation for the terminal.
package enum ExplanationRenderer {
    /// The explanation as text: value, queries in words, record counts and the first records.
    package static func render(_ explanation: Explanation, dataset: Dataset, records: Int, locale: String) -> String {
        let definition = explanation.definition
        var lines = [
            "\(definition.title(locale: locale)) (\(definition.id)) — \(definition.file)",
            "Subject: \(DisplayText.example(explanation.subject.name)) (\(explanation.subject.grain.rawValue) \(explanation.subject.id))",
            "Period:  \(explanation.period.label) (\(explanation.period.firstDate) … \(explanation.period.lastDate))",
            "Value:   \(ReadableNumber.text(explanation.value, unit: definition.unit, locale: locale))"
                + (explanation.value.reason.map { " — \($0)" } ?? ""),
        ]
        if !definition.description.isEmpty { lines.append("Meaning: \(definition.description)") }
        if explanation.queries.isEmpty { lines.append("\nNo query ran: the value does not come from records.") }
        for (number, query) in explanation.queries.enumerated() {
            lines.append("")
            let whose = query.plan.restrictedToSubject ? "of the subject" : "of the whole company"
            var words = "Query \(number + 1): \(query.plan.entity) \(whose)"
            if !query.plan.filters.isEmpty {
                words += " where " + query.plan.filters.map(\.description).joined(separator: " and ")
            }
            words += " (period \(query.period))"
            lines.append(words)
            let aggregate = query.aggregate.map { $0.description } ?? "rows"
            let grouping = query.groupedBy.map { " grouped by \($0)" } ?? ""
            lines.append("  → \(aggregate)\(grouping) = \(query.value) from \(query.rows.count) records")
            guard let table = dataset[query.plan.entity], !query.rows.isEmpty, records > 0 else { continue }
            let fields = table.entity.fields.map(\.name).filter { table[$0] != nil }
            var text = TextTable(headers: fields)
            for row in query.rows.prefix(records) {
                // Control characters escaped, long values cut (DisplayText).
                text.rows.append(fields.map { DisplayText.example(table[$0]?.value(at: Int(row)).description ?? "") })
            }
            lines.append(text.render(indent: "    "))
            if query.rows.count > records { lines.append("    … \(query.rows.count - records) more records") }
        }
        return lines.joined(separator: "\n")
    }
}
