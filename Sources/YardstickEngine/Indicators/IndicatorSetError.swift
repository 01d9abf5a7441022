import YardstickLocalization

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
        case .missingFolder(let path): tr("no indicators folder at %@", path)
        case .unreadableFile(let path): tr("cannot read %@ as UTF-8 text", path)
        case .invalidSetID(let id):
            tr(
                "indicator set id \"%@\" may hold only letters, digits, \"_\" and \"-\" (a dot separates it from indicator ids)",
                id)
        case .duplicateSetID(let id):
            id.map { tr("two indicator sets have the id \"%@\"", $0) }
                ?? tr("two indicator sets are the workspace's own")
        case .duplicateIndicatorID(let id, let files):
            tr("the indicator id %@ is declared twice, in %@", id, files.joined(separator: tr(" and ")))
        }
    }
}
