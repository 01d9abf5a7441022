import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What identifies one source file's content for the snapshot cache: its path, its status
/// (size, modification and change times, inode) and a hash of its bytes.
///
/// The content hash decides whether a file changed. It is computed again only when the file's
/// status differs from the one recorded with the hash, or when the file was modified within a
/// second of being hashed (a write in the same clock tick could leave the status unchanged),
/// as git does for its index: an unchanged file costs one `stat`.
struct SourceFileIdentity: Sendable, Equatable {
    /// The absolute path.
    var path: String
    /// The status when hashed.
    var status: FileStatus
    /// The ``ContentHash`` of the file's bytes.
    var contentHash: UInt64
    /// When the hash was computed (nanoseconds since the epoch, before the first byte was read).
    var hashedAt: Int64

    /// The identity of a file as it is now, or nil when it cannot be read whole.
    ///
    /// - Parameter known: The identity recorded for this path by an earlier run; its hash is
    ///   taken without reading the file when the file's status is the same and it was not
    ///   modified within a second before that hash.
    /// - Returns: The identity and whether the file was read and hashed.
    static func current(_ path: String, known: SourceFileIdentity?) -> (identity: SourceFileIdentity, hashed: Bool)? {
        guard let status = FileStatus.of(path) else { return nil }
        if let known, known.path == path, known.status == status,
            status.modified < known.hashedAt - 1_000_000_000
        {
            return (known, false)
        }
        let hashedAt = FileStatus.now()
        guard let hash = ContentHash.of(file: path) else { return nil }
        // A file written while it was hashed is not identified by this hash.
        guard FileStatus.of(path) == status else { return nil }
        return (SourceFileIdentity(path: path, status: status, contentHash: hash, hashedAt: hashedAt), true)
    }
}

/// A file's size, modification and change times and inode, as `stat` gives them.
struct FileStatus: Sendable, Equatable {
    /// The size in bytes.
    var size: Int
    /// The modification time, in nanoseconds since the epoch.
    var modified: Int64
    /// The status change time, in nanoseconds since the epoch: it moves with every write and
    /// cannot be set back, unlike the modification time (`touch -r`).
    var changed: Int64
    /// The device and inode: a file replaced by another (a rename over it) has a new one.
    var device: UInt64
    var inode: UInt64

    /// The status of a regular file, or nil when there is none.
    static func of(_ path: String) -> FileStatus? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if canImport(Darwin)
            let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
            let changed = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #else
            let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            let changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #endif
        return FileStatus(
            size: Int(info.st_size), modified: modified, changed: changed, device: UInt64(info.st_dev),
            inode: UInt64(info.st_ino))
    }

    /// The wall-clock time, in nanoseconds since the epoch.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
