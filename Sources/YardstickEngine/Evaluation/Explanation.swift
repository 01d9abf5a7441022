import Foundation
import LuaRuntime
import YardstickData
import YardstickQuery

/// How one indicator value came about: the definition, the subject and period, the value, and
/// every query the evaluation ran (dependencies included), with the rows each selected.
public struct Explanation: Sendable {
    /// The indicator.
    public var definition: IndicatorDefinition
    /// The subject evaluated.
    public var subject: SubjectInfo
    /// The period evaluated.
    public var period: Period
    /// The value.
    public var value: ResultValue
    /// The queries, in the order they ran.
    public var queries: [TraceEntry]
}

extension Evaluator {
    /// Evaluates one indicator for one subject and period, recording its queries.
    ///
    /// - Throws: ``EvaluationError`` for an unknown indicator or subject, or an indicator that
    ///   does not load.
    public func explain(
        indicator id: String, subjectID: String, grain: Grain, period: Period, sources: [Source]
    ) throws(EvaluationError) -> Explanation {
        let subjects = try SubjectCatalog.subjects(of: grain, in: engine.dataset, companyName: workspace.name)
        guard let subject = subjects.first(where: { $0.id == subjectID }) ?? (grain == .company ? subjects.first : nil)
        else {
            let examples = subjects.prefix(5).map(\.id).joined(separator: ", ")
            throw EvaluationError("no \(grain.rawValue) with id \"\(subjectID)\" (e.g. \(examples))")
        }
        let settings = sessionSettings
        let outcome: Result<Explanation, EvaluationError> = LuaThread.run {
            do {
                let session = try settings.start()
                var definition: IndicatorDefinition?
                for source in sources {
                    if let loaded = try? session.load(source: source.text, file: source.file), loaded.id == id {
                        definition = loaded
                    }
                }
                guard let definition else {
                    return .failure(EvaluationError("no indicator \(id) among the loaded indicator files"))
                }
                session.focus(.tracedSubject(subject), period: period)
                let value: ResultValue
                switch session.evaluate(id) {
                case .success(let result): value = result
                case .failure(let error): value = .failed(message: error.description)
                }
                return .success(
                    Explanation(
                        definition: definition, subject: subject, period: period, value: value,
                        queries: session.trace))
            } catch {
                return .failure(EvaluationError("cannot start Lua: \(error)"))
            }
        }
        return try outcome.get()
    }
}

/// Renders an explanation for the terminal.
public enum ExplanationRenderer {
    /// The explanation as text: value, queries in words, record counts and the first records.
    public static func render(_ explanation: Explanation, dataset: Dataset, records: Int, locale: String) -> String {
        let definition = explanation.definition
        var lines = [
            "\(definition.title(locale: locale)) (\(definition.id)) — \(definition.file)",
            "Subject: \(DisplayText.example(explanation.subject.name)) (\(explanation.subject.grain.rawValue) \(explanation.subject.id))",
            "Period:  \(explanation.period.label) (\(explanation.period.firstDate) … \(explanation.period.lastDate))",
            "Value:   \(explanation.value.tableText(unit: definition.unit, locale: locale))"
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
