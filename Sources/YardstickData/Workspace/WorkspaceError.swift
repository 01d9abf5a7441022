/// A problem with the workspace itself (its `yardstick.toml`), as opposed to its data.
///
/// `yardstick check` exits with code 2 on these: nothing can be loaded until they are fixed.
public struct WorkspaceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file at fault (usually `yardstick.toml`).
    public var file: String
    /// The line in that file, when the TOML parser knows it.
    public var line: Int?
    /// The dotted key the problem is under (`entities.opportunities.fields.stage`).
    public var key: String?
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates an error.
    public init(file: String = "yardstick.toml", line: Int? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// `yardstick.toml:12: entities.deals: message`.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let key { text += ": \(key)" }
        return text + ": " + message
    }
}
