/// A query that cannot run: an unknown field, a type mismatch, a bad operand.
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, for the script author.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
