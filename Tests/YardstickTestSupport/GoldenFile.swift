import Foundation

/// A file under the repository holding the exact text a test expects, compared byte for byte.
///
/// Set `YARDSTICK_RECORD_GOLDEN=1` to write the actual text into the file instead of comparing
/// (`YARDSTICK_RECORD_GOLDEN=1 swift test --filter GoldenCLITests`), then review the change with
/// `git diff` before committing it. Without the variable, a missing file is a failure, so a new
/// golden case must be recorded on purpose.
public struct GoldenFile: Sendable {
    /// The environment variable that switches every golden comparison to recording.
    public static let recordVariable = "YARDSTICK_RECORD_GOLDEN"

    /// Whether this run records golden files instead of comparing with them.
    public static var isRecording: Bool {
        ProcessInfo.processInfo.environment[recordVariable] == "1"
    }

    /// The file's absolute path.
    public let path: String

    /// The golden file at `path`, absolute or relative to the repository root.
    public init(_ path: String) {
        self.path = path.hasPrefix("/") ? path : RepositoryRoot.path(path)
    }

    /// The recorded text, or nil when the file does not exist.
    public func recorded() -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Compares `actual` with the recorded text, or records it when ``isRecording``.
    ///
    /// - Throws: ``GoldenMismatch`` when the file is missing or its text differs from `actual`,
    ///   or, while recording, when the file cannot be written.
    public func verify(_ actual: String) throws(GoldenMismatch) {
        if Self.isRecording {
            do {
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                throw GoldenMismatch(path: path, difference: .unwritable(reason: "\(error)"))
            }
            return
        }
        guard let expected = recorded() else {
            throw GoldenMismatch(path: path, difference: .missing)
        }
        if let difference = GoldenMismatch.Difference.between(expected: expected, actual: actual) {
            throw GoldenMismatch(path: path, difference: difference)
        }
    }
}
