/// Why a snapshot file could not be used or written.
///
/// A snapshot that fails to read is never trusted: the cache loads the sources again and
/// replaces it (``SnapshotCache``). The kind tells a stale snapshot (expected after an edit,
/// rebuilt silently, and not an error) from a damaged one (rebuilt with a warning).
package struct SnapshotError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    package enum Kind: Sendable, Equatable {
        /// The file ends before the snapshot does (a truncated copy or a lost write).
        case truncated
        /// A block's checksum does not match its bytes, or its structure is inconsistent.
        case corrupt
        /// The system refused to read or write the file.
        case system
    }

    /// What went wrong.
    package let kind: Kind
    /// The snapshot file.
    package let file: String
    /// What was found, for the warning.
    package let message: String

    /// Creates an error.
    package init(_ kind: Kind, file: String, _ message: String) {
        self.kind = kind
        self.file = file
        self.message = message
    }

    /// `FILE: MESSAGE`.
    package var description: String { "\(file): \(message)" }
}
