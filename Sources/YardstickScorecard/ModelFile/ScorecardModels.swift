import YardstickEngine

/// The scorecard models of a workspace: `model.lua` at its top and every `scorecards/*.lua`.
///
/// CONTRACT STUB (issue 9): the model-file helper replaces the body; the signatures are what
/// the runner and the CLI call.
public struct ScorecardModels: Sendable {
    /// The models found, in file order (`model.lua` first), each merged with its base.
    public var definitions: [ScorecardDefinition]

    /// Loads every model of the workspace at `directory` in the sandbox.
    ///
    /// - Throws: ``ScorecardError`` listing every problem with its `file:line`.
    public static func load(workspace directory: String) throws(ScorecardError) -> ScorecardModels {
        throw ScorecardError([ScorecardProblem(file: "model.lua", line: nil, message: "model files are not read yet")])
    }

    /// The model `argument` names: an id among ``definitions``, or a file path (loaded with
    /// the workspace's models as possible bases); nil picks the only model.
    ///
    /// - Throws: ``ScorecardError`` when nothing or several match, or the file fails to load.
    public func model(_ argument: String?, workspace directory: String) throws(ScorecardError) -> ScorecardDefinition {
        guard argument == nil, definitions.count == 1, let only = definitions.first else {
            throw ScorecardError([ScorecardProblem(file: argument ?? "model.lua", line: nil, message: "no such model")])
        }
        return only
    }
}
