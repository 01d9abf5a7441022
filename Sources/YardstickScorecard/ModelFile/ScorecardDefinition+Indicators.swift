import YardstickLocalization
import YardstickScoring

extension ScorecardDefinition {
    /// The model's references to indicators the workspace does not have, as problems at the
    /// kpi's `file:line`: each kpi's indicator and each `pipeline` indicator, with the closest
    /// known id as a suggestion.
    ///
    /// The model file is read without the workspace's indicators; whoever has both (the runner,
    /// `explain`, `compare-models`) checks them with this before scoring.
    ///
    /// - Parameter known: The ids of the workspace's indicators (`sales-core.win_rate` for a set's).
    /// - Returns: The problems, in tree order; empty when every reference is known.
    package func indicatorProblems(known: Set<String>) -> [ScorecardProblem] {
        var problems: [ScorecardProblem] = []
        for (_, indicator) in model.indicatorPaths {
            let location = indicator.location ?? model.location ?? ModelLocation(file: file)
            if !known.contains(indicator.id) {
                problems.append(
                    ScorecardProblem(
                        file: location.file, line: location.line,
                        message: tr("kpi \"%@\" is no indicator of the workspace", indicator.id)
                            + Self.suggestion(for: indicator.id, among: known)))
            }
            if let pipeline = settings(of: indicator.id).pipelineIndicator, !known.contains(pipeline) {
                problems.append(
                    ScorecardProblem(
                        file: location.file, line: location.line,
                        message: tr(
                            "kpi \"%@\": pipeline \"%@\" is no indicator of the workspace", indicator.id, pipeline)
                            + Self.suggestion(for: pipeline, among: known)))
            }
        }
        return problems
    }

    /// ` (did you mean "x"?)` for the known id closest to `id`, when one is close enough.
    static func suggestion(for id: String, among known: Set<String>) -> String {
        let scored = known.map { ($0, editDistance(id, $0)) }.filter { $0.1 <= max(2, id.count / 3) }
        guard let best = scored.min(by: { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }) else { return "" }
        return tr(" (did you mean \"%@\"?)", best.0)
    }

    /// The Levenshtein distance between two strings, by characters.
    static func editDistance(_ left: String, _ right: String) -> Int {
        let a = Array(left)
        let b = Array(right)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
