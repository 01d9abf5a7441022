/// Indicator files or sets that cannot be used: a folder or file that cannot be read, or set
/// ids that are malformed or used twice.
public enum IndicatorSetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No readable folder at the path (`no indicators folder at …`).
    case missingFolder(path: String)
    /// A file that cannot be read as UTF-8 text.
    case unreadableFile(path: String)
    /// A set id with characters other than letters, digits, `_` and `-`.
    case invalidSetID(String)
    /// Two sets with the same id (or two workspace sets).
    case duplicateSetID(String?)
    /// One id declared by indicators of two sets (a workspace id `a.x` and pack `a`'s `x`).
    case duplicateIndicatorID(String, files: [String])

    /// The message for the user.
    public var description: String {
        switch self {
        case .missingFolder(let path): "no indicators folder at \(path)"
        case .unreadableFile(let path): "cannot read \(path) as UTF-8 text"
        case .invalidSetID(let id):
            "indicator set id \"\(id)\" may hold only letters, digits, \"_\" and \"-\" (a dot separates it from indicator ids)"
        case .duplicateSetID(let id):
            id.map { "two indicator sets have the id \"\($0)\"" } ?? "two indicator sets are the workspace's own"
        case .duplicateIndicatorID(let id, let files):
            "the indicator id \(id) is declared twice, in \(files.joined(separator: " and "))"
        }
    }
}
