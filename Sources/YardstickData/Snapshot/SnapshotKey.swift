import Foundation

/// What a snapshot was built from: a snapshot is used only when its key equals the key of the
/// workspace as it is now.
///
/// The key holds the format version, the build of Yardstick that wrote it (the executable's
/// size and modification time: a rebuilt or upgraded binary may parse or index differently),
/// the ``MappingFingerprint`` of `yardstick.toml`'s mapping and the vocabulary, and the
/// ``SourceFileIdentity`` of every source file in mapping order (whose content hashes decide).
struct SnapshotKey: Sendable, Equatable {
    /// ``SnapshotFormat/version`` when written.
    var format: UInt32
    /// The build that wrote it.
    var build: String
    /// The mapping's fingerprint.
    var mapping: UInt64
    /// Every source file, in mapping order.
    var files: [SourceFileIdentity]

    /// The key of a workspace as it is now, or nil when a source file cannot be identified
    /// (missing, unreadable, or written to while it was hashed): such a load is not cached.
    ///
    /// - Parameter known: The key of the snapshot on disk, if any: the content hash of a file
    ///   whose status is unchanged since is taken from it (``SourceFileIdentity``).
    /// - Returns: The key and the number of files read and hashed.
    static func current(_ workspace: Workspace, known: SnapshotKey? = nil) -> (key: SnapshotKey, hashedFiles: Int)? {
        let knownFiles = Dictionary(
            (known?.files ?? []).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var files: [SourceFileIdentity] = []
        var seen = Set<String>()
        var hashedFiles = 0
        for mapping in workspace.entities {
            for part in mapping.parts where seen.insert(part.path).inserted {
                guard let (identity, hashed) = SourceFileIdentity.current(part.path, known: knownFiles[part.path])
                else { return nil }
                files.append(identity)
                if hashed { hashedFiles += 1 }
                // A SQLite database in WAL mode keeps committed pages in its `-wal` file until a
                // checkpoint: the file is part of the data (decision 0028).
                let journal = part.path + "-wal"
                if part.database != nil, FileManager.default.fileExists(atPath: journal),
                    seen.insert(journal).inserted
                {
                    guard let (identity, hashed) = SourceFileIdentity.current(journal, known: knownFiles[journal])
                    else { return nil }
                    files.append(identity)
                    if hashed { hashedFiles += 1 }
                }
            }
        }
        let key = SnapshotKey(
            format: SnapshotFormat.version, build: Self.currentBuild, mapping: MappingFingerprint.of(workspace),
            files: files)
        return (key, hashedFiles)
    }

    /// The running executable's identity: its size and modification time.
    static let currentBuild: String = {
        let path =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? ""
        guard let status = FileStatus.of(path) else { return "unknown" }
        return "\(status.size)@\(status.modified)"
    }()

    /// Why a snapshot with this key does not fit a workspace whose key is `current`, or nil
    /// when it does.
    func difference(from current: SnapshotKey) -> String? {
        if format != current.format { return "it was written in another format" }
        if build != current.build { return "it was written by another build of yardstick" }
        if mapping != current.mapping { return "the mapping in yardstick.toml changed" }
        let stored = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for file in current.files {
            guard let old = stored[file.path] else { return "\(file.path) is a new source file" }
            if old.status.size != file.status.size || old.contentHash != file.contentHash {
                return "\(file.path) changed"
            }
        }
        if files.count != current.files.count { return "a source file was removed from the mapping" }
        return nil
    }

    func encode(into meta: inout SnapshotEncoder) {
        meta.append(format)
        meta.append(build)
        meta.append(mapping)
        meta.append(files.count)
        for file in files {
            meta.append(file.path)
            meta.append(file.status.size)
            meta.append(file.status.modified)
            meta.append(file.status.changed)
            meta.append(file.status.device)
            meta.append(file.status.inode)
            meta.append(file.contentHash)
            meta.append(file.hashedAt)
        }
    }

    static func decode(from meta: inout SnapshotDecoder) throws(SnapshotError) -> SnapshotKey {
        let format = try meta.uint32()
        let build = try meta.string()
        let mapping = try meta.uint64()
        var files: [SourceFileIdentity] = []
        for _ in 0..<(try meta.count()) {
            let path = try meta.string()
            let status = FileStatus(
                size: try meta.count(limit: .max), modified: try meta.int64(), changed: try meta.int64(),
                device: try meta.uint64(), inode: try meta.uint64())
            files.append(
                SourceFileIdentity(
                    path: path, status: status, contentHash: try meta.uint64(), hashedAt: try meta.int64()))
        }
        return SnapshotKey(format: format, build: build, mapping: mapping, files: files)
    }
}
