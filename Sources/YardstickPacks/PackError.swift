import YardstickData

/// Why a pack cannot be used: a manifest that is not valid, a pack that cannot be found or
/// resolved, a parameter of the wrong type, a lock file that no longer matches.
///
/// Errors name the file (and line and dotted key when known) they are about, and a ``Code``
/// a program can branch on; the message is written for the user.
public struct PackError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is.
    public enum Code: String, Sendable, Hashable {
        /// `pack.toml` is missing, not valid TOML, or breaks the format.
        case invalidManifest
        /// A pack asked for (by the workspace, `--plugins` or a dependency) is found nowhere.
        case missingPack
        /// No version of a pack satisfies every range asked of it.
        case versionConflict
        /// Packs depend on each other in a circle.
        case dependencyCycle
        /// A pack needs a host API version this Yardstick does not provide.
        case hostAPIOutOfRange
        /// A workspace's `[packs]` table or parameter value is not valid.
        case invalidWorkspacePacks
        /// `yardstick.lock` is not valid.
        case invalidLock
        /// A pack's files differ from what `yardstick.lock` records.
        case lockMismatch
        /// A file or folder cannot be read or written.
        case fileSystem
    }

    /// The kind of problem.
    public var code: Code
    /// What is wrong, for the user.
    public var message: String
    /// The file it is about, as shown to the user.
    public var file: String?
    /// The line in `file`, when known.
    public var line: Int?
    /// The dotted key in `file` (`parameters.active_days.default`), when it is a TOML file.
    public var key: String?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The kind of problem.
    ///   - message: What is wrong.
    ///   - file: The file it is about.
    ///   - line: The line in the file.
    ///   - key: The dotted key in the file.
    public init(_ code: Code, _ message: String, file: String? = nil, line: Int? = nil, key: String? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.key = key
    }

    /// A located TOML error, as a pack error of the given kind.
    init(_ code: Code, _ error: WorkspaceError) {
        self.init(code, error.message, file: error.file, line: error.line, key: error.key)
    }

    /// `file:line: key: message`, with what is known.
    public var description: String {
        var parts: [String] = []
        if let file { parts.append(line.map { "\(file):\($0)" } ?? file) }
        if let key, !key.isEmpty { parts.append(key) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}
