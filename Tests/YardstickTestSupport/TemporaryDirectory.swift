import Foundation

/// A fresh folder under the system's temporary directory (`$TMPDIR`, else `/tmp`) that removes
/// itself: when the last reference goes away, or at the latest when the test process exits.
///
/// Tests create one per scenario and write their workspace into it. Instances kept for the whole
/// run (a `static let` fixture) are never deinitialised, so every folder is also registered with
/// ``TemporaryDirectoryRegistry``, which removes what is left when the process exits; a run of the
/// suite therefore leaves nothing behind. `scripts/test.sh` checks that it does.
public final class TemporaryDirectory: Sendable {
    /// The folder's absolute path, without a trailing slash.
    public let path: String

    /// The folder as a file URL.
    public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// Creates an empty folder named `yardstick-<prefix>-<UUID>` under the temporary directory.
    ///
    /// - Parameter prefix: a word saying which tests own the folder, so that a folder left by a
    ///   crashed run can be traced back to them.
    /// - Throws: ``TemporaryDirectoryError`` when the folder cannot be created.
    public init(prefix: String = "test") throws(TemporaryDirectoryError) {
        let base = NSTemporaryDirectory().hasSuffix("/") ? NSTemporaryDirectory() : NSTemporaryDirectory() + "/"
        path = base + "yardstick-" + prefix + "-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw TemporaryDirectoryError(operation: "create the folder", path: path, reason: "\(error)")
        }
        TemporaryDirectoryRegistry.shared.register(path)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
        TemporaryDirectoryRegistry.shared.unregister(path)
    }

    /// The absolute path of `relativePath` inside the folder.
    public func path(_ relativePath: String) -> String {
        relativePath.isEmpty ? path : path + "/" + relativePath
    }

    /// Writes `bytes` to `relativePath`, creating the folders on the way.
    ///
    /// - Returns: the file's absolute path.
    @discardableResult
    public func write(_ bytes: [UInt8], to relativePath: String) throws(TemporaryDirectoryError) -> String {
        let file = path(relativePath)
        let folder = (file as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw TemporaryDirectoryError(operation: "create the folder", path: folder, reason: "\(error)")
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: file))
        } catch {
            throw TemporaryDirectoryError(operation: "write the file", path: file, reason: "\(error)")
        }
        return file
    }

    /// Writes `text` as UTF-8 to `relativePath`, creating the folders on the way.
    ///
    /// - Returns: the file's absolute path.
    @discardableResult
    public func write(_ text: String, to relativePath: String) throws(TemporaryDirectoryError) -> String {
        try write(Array(text.utf8), to: relativePath)
    }

    /// Writes every file of `files`, keyed by path relative to the folder, as UTF-8.
    public func write(_ files: [String: String]) throws(TemporaryDirectoryError) {
        for (relativePath, text) in files.sorted(by: { $0.key < $1.key }) {
            try write(text, to: relativePath)
        }
    }

    /// Creates the folder `relativePath` (and its parents) inside this folder.
    ///
    /// - Returns: the folder's absolute path.
    @discardableResult
    public func makeFolder(_ relativePath: String) throws(TemporaryDirectoryError) -> String {
        let folder = path(relativePath)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw TemporaryDirectoryError(operation: "create the folder", path: folder, reason: "\(error)")
        }
        return folder
    }
}

/// Runs `body` with a fresh ``TemporaryDirectory`` that is removed when `body` returns or throws.
///
/// - Parameters:
///   - prefix: the word in the folder's name (see ``TemporaryDirectory/init(prefix:)``).
///   - body: what to do in the folder; the folder must not be used after it returns.
/// - Returns: what `body` returns.
public func withTemporaryDirectory<Result>(
    prefix: String = "test", _ body: (TemporaryDirectory) throws -> Result
) throws -> Result {
    let directory = try TemporaryDirectory(prefix: prefix)
    return try withExtendedLifetime(directory) { try body(directory) }
}
