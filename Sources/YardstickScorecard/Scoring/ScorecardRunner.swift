import YardstickEngine

/// Scores a model over periods: runs its indicators (and the comparison windows) through the
/// evaluator, resolves targets, scores each peer group, rolls up, and raises alerts.
///
/// CONTRACT STUB (issue 9): the runner helper replaces the body; the signatures are what the
/// CLI calls.
public struct ScorecardRunner: Sendable {
    /// The evaluator over the loaded workspace.
    public let evaluator: Evaluator
    /// The indicators available (the model's ids are picked from them).
    public let selection: IndicatorSelection
    /// The model.
    public let definition: ScorecardDefinition
    /// The day taken as "today".
    public let asOf: Int32

    /// Creates a runner.
    public init(evaluator: Evaluator, selection: IndicatorSelection, definition: ScorecardDefinition, asOf: Int32) {
        self.evaluator = evaluator
        self.selection = selection
        self.definition = definition
        self.asOf = asOf
    }

    /// Scores every period.
    ///
    /// - Throws: ``ScorecardError`` when the model cannot be scored at all (an indicator it
    ///   names does not exist, the model is invalid); failing indicators are in the report.
    public func score(periods: [Period]) throws(ScorecardError) -> ScoreReport {
        throw ScorecardError([ScorecardProblem(file: definition.file, line: nil, message: "scoring is not built yet")])
    }
}
