/// A run that cannot start: an unmapped entity, a bad grain, unreadable indicators.
public struct EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
