/// One problem `plugins check` found in a pack, located where possible.
public struct PackCheckFinding: Sendable, Hashable, CustomStringConvertible {
    /// The file it is about, relative to the pack's parent folder (`sales-core/pack.toml`).
    public var file: String
    /// The line, when known.
    public var line: Int?
    /// What is wrong.
    public var message: String

    /// Creates a finding.
    ///
    /// - Parameters:
    ///   - file: The file it is about.
    ///   - line: The line, when known.
    ///   - message: What is wrong.
    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    public var description: String {
        (line.map { "\(file):\($0)" } ?? file) + ": " + message
    }
}
