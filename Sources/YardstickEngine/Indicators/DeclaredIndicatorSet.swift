/// An indicator set with what its files declare, loaded in a Lua state of its own: which
/// qualified id is which set's indicator.
struct DeclaredIndicatorSet: Sendable {
    /// The set.
    var set: IndicatorSet
    /// The indicators its files declare, with the ids the files give them (unprefixed).
    var definitions: [IndicatorDefinition]
    /// The files that did not load or declare.
    var loadErrors: [IndicatorLoadError]

    /// The ids as reports name them, in declaration order.
    var qualifiedIDs: [String] { definitions.map { set.qualifiedID($0.id) } }

    /// The load errors as run failures (for the whole run, not one subject).
    var loadFailures: [IndicatorFailure] {
        loadErrors.map { IndicatorFailure(indicatorID: "", message: $0.message, file: $0.file, line: $0.line) }
    }
}
