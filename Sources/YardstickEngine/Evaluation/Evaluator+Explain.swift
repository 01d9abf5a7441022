import Foundation
import LuaRuntime
import YardstickData
import YardstickLocalization
import YardstickQuery

extension Evaluator {
    /// Evaluates one indicator for one subject and period, recording its queries.
    ///
    /// - Throws: ``EvaluationError`` for an unknown indicator or subject, or an indicator that
    ///   does not load.
    func explain(
        indicator id: String, subjectID: String, grain: Grain, period: Period, sources: [Source]
    ) throws(EvaluationError) -> Explanation {
        let subjects = try SubjectCatalog.subjects(of: grain, in: engine.dataset, workspace: workspace)
        guard let subject = subjects.first(where: { $0.id == subjectID }) ?? (grain == .company ? subjects.first : nil)
        else {
            let examples = subjects.prefix(5).map(\.id).joined(separator: ", ")
            throw EvaluationError(tr("no %@ with id \"%@\" (e.g. %@)", grain.rawValue, subjectID, examples))
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
                    return .failure(EvaluationError(tr("no indicator %@ among the loaded indicator files", id)))
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
                return .failure(EvaluationError(tr("cannot start Lua: %@", error)))
            }
        }
        return try outcome.get()
    }
}
