import Foundation

/// The temporary folders of this process that still exist, removed when the process exits.
///
/// ``TemporaryDirectory`` registers itself on creation and unregisters in `deinit`; what is
/// registered at exit (folders held by `static` fixtures, which Swift never deinitialises) is
/// removed by an `atexit` handler installed with the first registration.
public final class TemporaryDirectoryRegistry: @unchecked Sendable {
    /// The process-wide registry.
    public static let shared = TemporaryDirectoryRegistry()

    private let lock = NSLock()
    private var paths: Set<String> = []
    private var installed = false

    private init() {}

    /// The folders registered and not yet removed, sorted.
    public var registeredPaths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return paths.sorted()
    }

    /// Records `path` for removal at exit (and installs the exit handler the first time).
    public func register(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        paths.insert(path)
        if !installed {
            installed = true
            atexit { TemporaryDirectoryRegistry.shared.removeAll() }
        }
    }

    /// Forgets `path` (its owner has removed it).
    public func unregister(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        paths.remove(path)
    }

    /// Removes `path` now and forgets it.
    public func remove(_ path: String) {
        unregister(path)
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Removes every registered folder now.
    public func removeAll() {
        lock.lock()
        let remaining = paths
        paths.removeAll()
        lock.unlock()
        for path in remaining {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
