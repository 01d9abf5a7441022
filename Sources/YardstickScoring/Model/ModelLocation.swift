/// Where something was declared: a file and line supplied by the caller (the model file is Lua,
/// so the Lua loader knows them, not this module).
public struct ModelLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file, as it should be shown (`model.lua`, `scorecards/sales.lua`).
    public var file: String
    /// The line, from 1, when known.
    public var line: Int?

    /// Creates a location.
    ///
    /// - Parameters:
    ///   - file: The file.
    ///   - line: The line, when known.
    public init(file: String, line: Int? = nil) {
        self.file = file
        self.line = line
    }

    /// `file:line`, or the file alone.
    public var description: String {
        line.map { "\(file):\($0)" } ?? file
    }
}
