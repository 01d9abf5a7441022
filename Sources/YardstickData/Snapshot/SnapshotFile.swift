import Foundation
import YardstickLocalization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes and reads one snapshot file: header and key, the load report, the tables, the end
/// block (``SnapshotFormat``).
enum SnapshotFile {
    /// What reading a snapshot found.
    enum Reading {
        /// The snapshot fits: its tables and its load report.
        case fits(Dataset, LoadReport)
        /// There is no snapshot.
        case missing
        /// The snapshot is intact but was built from something else (the reason).
        case stale(String)
        /// The snapshot is damaged and must not be trusted.
        case damaged(SnapshotError)
    }

    /// Reads the snapshot at `path` if it was built from `key` and keeps at least
    /// `problemSampleSize` rejected rows per entity (or all of them).
    static func read(
        _ path: String, workspace: Workspace, key: SnapshotKey, problemSampleSize: Int
    ) -> Reading {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return .missing }
            return .damaged(SnapshotError(.system, file: path, "cannot open: \(String(cString: strerror(errno)))"))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            return .damaged(SnapshotError(.system, file: path, "cannot read its size"))
        }
        var reader = SnapshotBlockReader(descriptor: descriptor, file: path, size: Int(info.st_size))
        do throws(SnapshotError) {
            var header = try reader.decoder()
            let magic = (0..<SnapshotFormat.magic.count).compactMap { _ in try? header.byte() }
            guard magic == SnapshotFormat.magic else {
                throw SnapshotError(.corrupt, file: path, "not a snapshot file")
            }
            let version = try header.uint32()
            guard version == SnapshotFormat.version else { return .stale("it was written in format \(version)") }
            let stored = try SnapshotKey.decode(from: &header)
            if let difference = stored.difference(from: key) { return .stale(difference) }
            let storedSampleSize = try header.count(limit: .max)
            var report = try LoadReportCodec.read(from: &reader)
            let complete = report.entities.values.allSatisfy { $0.problems.count == $0.rejectedRows }
            guard storedSampleSize >= problemSampleSize || complete else {
                return .stale("it keeps fewer rejected rows than this run lists")
            }
            for name in report.entities.keys {
                if let entity = report.entities[name], entity.problems.count > problemSampleSize {
                    report.entities[name]?.problems = Array(entity.problems.prefix(problemSampleSize))
                }
            }
            let dataset = try DatasetCodec.read(from: &reader, workspace: workspace)
            let expectedBlocks = reader.blockCount
            let expectedHash = reader.runningHash
            var end = try reader.decoder()
            guard try end.count(limit: .max) == expectedBlocks, try end.uint64() == expectedHash, end.isAtEnd,
                reader.offset == Int(info.st_size)
            else {
                throw SnapshotError(.corrupt, file: path, "its end block does not match its blocks")
            }
            return .fits(dataset, report)
        } catch {
            return .damaged(error)
        }
    }

    /// The key of the snapshot at `path` (its header alone), or nil when there is none or it
    /// is not a snapshot of this format.
    static func storedKey(_ path: String) -> SnapshotKey? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        var reader = SnapshotBlockReader(descriptor: descriptor, file: path, size: Int(info.st_size))
        guard var header = try? reader.decoder(),
            (0..<SnapshotFormat.magic.count).compactMap({ _ in try? header.byte() }) == SnapshotFormat.magic,
            (try? header.uint32()) == SnapshotFormat.version
        else { return nil }
        return try? SnapshotKey.decode(from: &header)
    }

    /// Writes a snapshot atomically: to a temporary file in the same folder, renamed over
    /// `path` once complete. An interrupted write leaves `path` as it was (the old snapshot, or
    /// none) and at most a temporary file, which a later write removes.
    static func write(
        _ dataset: Dataset, report: LoadReport, key: SnapshotKey, problemSampleSize: Int, to path: String,
        interruption: SnapshotInterruption? = nil
    ) throws(SnapshotError) {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        removeAbandonedTemporaries(of: name, in: directory)
        let temporary = directory + "/." + name + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SnapshotError(
                .system, file: path, tr("cannot create %@: %@", temporary, String(cString: strerror(errno))))
        }
        var writer = SnapshotBlockWriter(descriptor: descriptor, file: temporary)
        writer.interruption = interruption
        do throws(SnapshotError) {
            var header = SnapshotEncoder()
            for byte in SnapshotFormat.magic { header.append(byte) }
            header.append(SnapshotFormat.version)
            key.encode(into: &header)
            header.append(problemSampleSize)
            try writer.write(header)
            try LoadReportCodec.write(report, to: &writer)
            try DatasetCodec.write(dataset, to: &writer)
            var end = SnapshotEncoder()
            end.append(writer.blockCount)
            end.append(writer.runningHash)
            try writer.write(end)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        // No fsync: after a power loss the file may be renamed but incomplete, which its
        // checksums reveal; a cache need not survive that, only never be trusted wrongly.
        guard close(descriptor) == 0 else {
            unlink(temporary)
            throw SnapshotError(
                .system, file: path, tr("cannot close %@: %@", temporary, String(cString: strerror(errno))))
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw SnapshotError(.system, file: path, tr("cannot rename %@ over it: %@", temporary, reason))
        }
    }

    /// Removes the temporary files of writes whose process no longer runs (killed mid-write).
    private static func removeAbandonedTemporaries(of name: String, in directory: String) {
        let prefix = "." + name + ".tmp-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count)
            guard let pid = rest.split(separator: "-").first.flatMap({ Int32($0) }) else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                unlink(directory + "/" + entry)
            }
        }
    }
}
