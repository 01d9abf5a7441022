#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A test hook that stops a snapshot write part-way, to show that an interrupted write
/// never leaves a snapshot that is trusted.
///
/// In-process tests throw (the writer's clean-up runs as it would after a full disk); the
/// CLI test sets `YARDSTICK_SNAPSHOT_KILL_AFTER_BYTES=N` so that the process kills itself
/// with `SIGKILL` after writing N bytes: no clean-up of any kind runs, as when a user kills a
/// run or the machine stops.
package struct SnapshotInterruption: Sendable {
    /// How the write stops.
    package enum Action: Sendable {
        /// Throw a ``SnapshotError`` of kind `system`.
        case fail
        /// Kill the process with `SIGKILL`.
        case kill
    }

    /// The number of bytes written before stopping.
    package var afterBytes: Int
    /// How it stops.
    package var action: Action

    /// Creates a hook.
    package init(afterBytes: Int, action: Action) {
        self.afterBytes = afterBytes
        self.action = action
    }

    /// The hook set by `YARDSTICK_SNAPSHOT_KILL_AFTER_BYTES`, if any.
    static var fromEnvironment: SnapshotInterruption? {
        guard let text = getenv("YARDSTICK_SNAPSHOT_KILL_AFTER_BYTES"), let bytes = Int(String(cString: text))
        else { return nil }
        return SnapshotInterruption(afterBytes: bytes, action: .kill)
    }

    func interrupt(file: String) throws(SnapshotError) {
        switch action {
        case .fail: throw SnapshotError(.system, file: file, "write interrupted after \(afterBytes) bytes (test)")
        case .kill: kill(getpid(), SIGKILL)
        }
        throw SnapshotError(.system, file: file, "write interrupted")
    }
}
