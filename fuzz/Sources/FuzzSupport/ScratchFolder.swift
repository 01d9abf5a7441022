import Foundation

/// A folder of the temporary directory, private to one fuzzer process, whose files each input
/// overwrites.
///
/// Files are written in place (not created anew per input) so a run's cost is the code under
/// test, not the file system.
public final class ScratchFolder: @unchecked Sendable {
    /// The folder's absolute path.
    public let path: String

    /// Creates `yardstick-fuzz-<name>-<pid>` under the temporary directory.
    public init(_ name: String) {
        path = NSTemporaryDirectory() + "yardstick-fuzz-\(name)-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            invariantFailure("cannot create the scratch folder \(path): \(error)")
        }
    }

    /// Writes a file under the folder, creating its parent folders.
    public func write(_ relativePath: String, _ bytes: [UInt8]) {
        let target = path + "/" + relativePath
        do {
            let parent = (target as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: target))
        } catch {
            invariantFailure("cannot write \(target): \(error)")
        }
    }

    /// Writes a UTF-8 text file under the folder.
    public func write(_ relativePath: String, text: String) {
        write(relativePath, Array(text.utf8))
    }
}
