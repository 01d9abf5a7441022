/// A temporary folder or file of a test could not be created or written.
public struct TemporaryDirectoryError: Error, CustomStringConvertible, Sendable {
    /// What was being done, such as `write the file`.
    public let operation: String
    /// The absolute path concerned.
    public let path: String
    /// The underlying error, as text.
    public let reason: String

    /// Creates the error for `operation` on `path`, failed for `reason`.
    public init(operation: String, path: String, reason: String) {
        self.operation = operation
        self.path = path
        self.reason = reason
    }

    /// `cannot <operation> <path>: <reason>`.
    public var description: String { "cannot \(operation) \(path): \(reason)" }
}
