/// What a selection's files declare, without running anything: for callers (scorecards) that
/// must say which of the ids they need are unknown, and why.
extension Evaluator {
    /// The qualified ids the selection's files declare, set by set, and the files that did not
    /// load (as run failures).
    ///
    /// - Parameter selection: The sets to load (its `ids` are ignored).
    /// - Returns: The declared ids in report order, and the load failures.
    /// - Throws: ``EvaluationError`` when two sets share an id, an indicator id is declared
    ///   twice, or Lua cannot start.
    package func declaredIndicators(_ selection: IndicatorSelection) throws(EvaluationError) -> (
        ids: [String], loadFailures: [IndicatorFailure]
    ) {
        let declared = try declarations(of: selection.sets)
        return (declared.flatMap(\.qualifiedIDs), declared.flatMap(\.loadFailures))
    }

    /// What a selection's files declare, as definitions (ids as the files give them, titles,
    /// units, needs), set by set, and the files that did not load: for pack checks.
    ///
    /// - Parameter selection: The sets to load (its `ids` are ignored).
    /// - Throws: ``EvaluationError`` as ``declaredIndicators(_:)``.
    package func declaredDefinitions(_ selection: IndicatorSelection) throws(EvaluationError) -> (
        definitions: [IndicatorDefinition], loadFailures: [IndicatorFailure]
    ) {
        let declared = try declarations(of: selection.sets)
        return (declared.flatMap(\.definitions), declared.flatMap(\.loadFailures))
    }
}
