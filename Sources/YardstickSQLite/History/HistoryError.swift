/// A history file that cannot be opened, read or written.
public struct HistoryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The history file.
    public var path: String
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}
