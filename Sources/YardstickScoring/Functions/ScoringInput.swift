/// One subject's figures for one indicator, as scoring reads them: the value and its target.
public struct ScoringInput: Sendable, Hashable {
    /// The indicator's value for the subject, or nil when it is missing.
    public var value: Double?
    /// The subject's target for the indicator, or nil when it has none (peer functions need
    /// none).
    public var target: Double?
    /// The subject's id, when the caller gives it: ``ScoringModel/score(_:)`` fills it in from
    /// ``SubjectFigures/subjectID`` so a ``CustomScoringFunction`` can say whose value is whose;
    /// no built-in function reads it.
    public var subjectID: String?

    /// Creates an input.
    ///
    /// - Parameters:
    ///   - value: The value, or nil when missing.
    ///   - target: The target, or nil when there is none.
    ///   - subjectID: The subject's id, for custom functions.
    public init(value: Double?, target: Double? = nil, subjectID: String? = nil) {
        self.value = value
        self.target = target
        self.subjectID = subjectID
    }
}
