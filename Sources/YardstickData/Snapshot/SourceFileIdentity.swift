import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What identifies one source file's content for the snapshot cache: its path, size,
/// modification time and a hash of its bytes.
struct SourceFileIdentity: Sendable, Equatable {
    /// The absolute path.
    var path: String
    /// The size in bytes.
    var size: Int
    /// The modification time, in nanoseconds since the epoch.
    var modified: Int64
    /// The ``FastHash`` of the file's bytes, 1 MiB piece by piece, chained.
    var contentHash: UInt64

    /// The size in bytes and modification time of a file, or nil when it cannot be read.
    static func status(of path: String) -> (size: Int, modified: Int64)? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if canImport(Darwin)
            let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
            let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        return (Int(info.st_size), modified)
    }

    /// The identity of a file as it is now, or nil when it cannot be read.
    static func current(_ path: String) -> SourceFileIdentity? {
        guard let status = status(of: path), let hash = ContentHash.of(file: path) else { return nil }
        // A file written while it was hashed is not identified by this hash.
        guard let after = Self.status(of: path), after == status else { return nil }
        return SourceFileIdentity(path: path, size: status.size, modified: status.modified, contentHash: hash)
    }
}
