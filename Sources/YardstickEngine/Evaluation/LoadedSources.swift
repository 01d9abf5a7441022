import LuaRuntime

/// A session with a run's indicator files loaded: the indicators they declare, in file order,
/// and the files that failed to load.
struct LoadedSources {
    /// The session the files were loaded into.
    let session: EvaluationSession
    /// The indicators declared by the files that loaded.
    let definitions: [IndicatorDefinition]
    /// The files that failed to load, with where and why.
    let errors: [IndicatorLoadError]

    /// Loads `sources`, in order, into `session`; a file that fails is recorded and the others
    /// still load.
    init(_ sources: [Evaluator.Source], into session: EvaluationSession) {
        var definitions: [IndicatorDefinition] = []
        var errors: [IndicatorLoadError] = []
        for source in sources {
            do {
                definitions.append(try session.load(source: source.text, file: source.file))
            } catch {
                errors.append(error)
            }
        }
        self.session = session
        self.definitions = definitions
        self.errors = errors
    }
}
