import Dispatch
import YardstickLocalization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that a reader sees either the old content or the new, never half of it.
package enum AtomicFile {
    /// Replaces the file at `path` with `text`, atomically.
    ///
    /// The text goes to a new temporary file in the same directory (`.name.tmp-<pid>-<n>`),
    /// which is flushed to disk and then renamed over `path`; rename within one directory
    /// is atomic. An existing file's permissions are kept; a new file gets `0644` less the
    /// umask. On failure the temporary file is removed and `path` is left as it was.
    ///
    /// - Parameters:
    ///   - text: The content, written as UTF-8.
    ///   - path: The file to create or replace; its directory must exist.
    /// - Throws: ``AtomicFileError`` with the path, the step that failed and the system's message.
    package static func write(_ text: String, to path: String) throws(AtomicFileError) {
        try replace(path) { writeAll(text, to: $0) }
    }

    /// Replaces the file at `path` with `bytes`, atomically, as the text form
    /// does with text (binary outputs, such as a spreadsheet).
    ///
    /// - Parameters:
    ///   - bytes: The content.
    ///   - path: The file to create or replace; its directory must exist.
    /// - Throws: ``AtomicFileError`` with the path, the step that failed and the system's message.
    package static func write(_ bytes: [UInt8], to path: String) throws(AtomicFileError) {
        try replace(path) { descriptor in bytes.withUnsafeBytes { writeBuffer($0, to: descriptor) } }
    }

    /// Replaces the file at `path` with what `produce` writes, atomically, as the text form
    /// does with text: a large output made piece by piece (a score CSV, period by period) goes
    /// to the temporary file as each piece is made, never held whole in memory. Every 8 MiB
    /// written, an `fdatasync` of what is written so far starts on another thread, so that the
    /// final `fsync` waits for the last pieces only.
    ///
    /// - Parameters:
    ///   - path: The file to create or replace; its directory must exist.
    ///   - produce: Writes the content in order through the function it is given, which returns
    ///     false when a write failed; `produce` returns false to give up (the file is then left
    ///     as it was).
    /// - Returns: How many background flushes were started (for the tests that pin them).
    /// - Throws: ``AtomicFileError`` with the path, the step that failed and the system's message.
    @discardableResult
    package static func write(to path: String, streaming produce: (_ write: ([UInt8]) -> Bool) -> Bool)
        throws(AtomicFileError) -> Int
    {
        var flushes = 0
        try replace(path) { descriptor in
            let flush = BackgroundFlush(descriptor: descriptor)
            let produced = produce { piece in
                guard piece.withUnsafeBytes({ writeBuffer($0, to: descriptor) }) else { return false }
                flush.wrote(piece.count)
                return true
            }
            let flushed = flush.finish()
            flushes = flush.started
            return flushed && produced
        }
        return flushes
    }

    /// Writes a new temporary file with `content` (false: the write failed), then renames it
    /// over `path`.
    private static func replace(_ path: String, content: (Int32) -> Bool) throws(AtomicFileError) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = directory + "." + name + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw AtomicFileError(path: path, step: tr("create a temporary file")) }
        var existing = stat()
        if stat(path, &existing) == 0 { _ = fchmod(descriptor, existing.st_mode & 0o7777) }
        var failure: AtomicFileError?
        if !content(descriptor) {
            failure = AtomicFileError(path: path, step: tr("write"))
        } else if fsync(descriptor) != 0 {
            failure = AtomicFileError(path: path, step: tr("flush to disk"))
        }
        if close(descriptor) != 0, failure == nil {
            failure = AtomicFileError(path: path, step: tr("close"))
        }
        if let failure {
            unlink(temporary)
            throw failure
        }
        guard rename(temporary, path) == 0 else {
            let error = AtomicFileError(path: path, step: tr("rename the temporary file"))
            unlink(temporary)
            throw error
        }
        let directoryDescriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            _ = close(directoryDescriptor)
        }
    }
}

/// Flushes a file being streamed to disk in the background while it is written, so that the
/// final `fsync` of a large output (a score CSV of tens of megabytes) waits for its last
/// pieces only: each time ``threshold`` more bytes were written, an `fdatasync` starts on
/// another thread (after the previous one has ended). A background flush that fails makes the
/// write fail, as the final `fsync` would.
private final class BackgroundFlush: @unchecked Sendable {
    /// The bytes written between two background flushes.
    static let threshold = 8 << 20
    private let descriptor: Int32
    private let group = DispatchGroup()
    /// Bytes written since the last flush started (the writing thread's only).
    private var pending = 0
    /// Set by a failed background flush; read after ``group`` is waited for.
    private var failed = false
    /// How many background flushes were started.
    private(set) var started = 0

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Counts `count` more bytes written, and starts a flush when enough are pending.
    func wrote(_ count: Int) {
        pending += count
        guard pending >= Self.threshold else { return }
        group.wait()
        pending = 0
        started += 1
        DispatchQueue.global().async(group: group) { [self] in
            if fdatasync(descriptor) != 0 { failed = true }
        }
    }

    /// Waits for the flush under way; false when a flush failed.
    func finish() -> Bool {
        group.wait()
        return !failed
    }
}

/// All of `text`'s UTF-8 bytes written to `descriptor`, retrying short writes and interrupts.
/// A native string is written from its own storage, without a copy.
private func writeAll(_ text: String, to descriptor: Int32) -> Bool {
    if let done = text.utf8.withContiguousStorageIfAvailable({
        writeBuffer(UnsafeRawBufferPointer($0), to: descriptor)
    }) {
        return done
    }
    return Array(text.utf8).withUnsafeBytes { writeBuffer($0, to: descriptor) }
}

/// All of `buffer` written to `descriptor`, retrying short writes and interrupts.
private func writeBuffer(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
    var offset = 0
    while offset < buffer.count {
        let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return false
        }
        offset += written
    }
    return true
}

/// A file that could not be written: which file, at which step, and the system's reason.
package struct AtomicFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file that was to be written.
    package let path: String
    /// The step that failed (`create a temporary file`, `write`, `rename the temporary file`).
    package let step: String
    /// The `errno` value.
    package let code: Int32
    /// The system's description of `code` (`No such file or directory`).
    package let reason: String

    /// Creates an error for `path`, taking the reason from `code` (by default the current `errno`).
    package init(path: String, step: String, code: Int32 = errno) {
        self.path = path
        self.step = step
        self.code = code
        self.reason = String(cString: strerror(code))
    }

    /// `cannot write PATH: STEP failed: REASON`.
    package var description: String {
        tr("cannot write %@: %@ failed: %@", path, step, reason)
    }
}
