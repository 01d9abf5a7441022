import Foundation
import YardstickTestSupport

/// Runs the built `yardstick` binary, the one next to this test bundle.
enum CLI {
    /// The repository root.
    static let root = RepositoryRoot.url

    /// The Maven example workspace.
    static let maven = root.appendingPathComponent("examples/maven-sales").path

    /// The folders the test bundle may be in (`.build/<triple>/debug`).
    static var candidateFolders: [URL] {
        var folders = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        return folders.map(\.standardizedFileURL)
    }

    /// The binary, or an error naming where it was looked for.
    static func binary() throws -> URL {
        for folder in candidateFolders {
            let candidate = folder.appendingPathComponent("yardstick")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw CLIMissing(description: "no yardstick binary in \(candidateFolders.map(\.path)); build it first")
    }

    struct CLIMissing: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `yardstick arguments` in `directory` (default: the repository root); with `locale`,
    /// the locale variables (`LC_ALL`, `LC_MESSAGES`, `LANG`) are replaced by it.
    static func run(
        _ arguments: [String], in directory: String? = nil, locale: [String: String]? = nil
    ) throws -> CommandOutcome {
        let scratch = try TemporaryDirectory(prefix: "cli-output")
        defer { withExtendedLifetime(scratch) {} }
        let outURL = scratch.url.appendingPathComponent("stdout")
        let errURL = scratch.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? root.path)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        if let locale {
            var environment = ProcessInfo.processInfo.environment
            for name in ["LC_ALL", "LC_MESSAGES", "LANG"] { environment[name] = nil }
            process.environment = environment.merging(locale) { $1 }
        }
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return CommandOutcome(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// A fresh empty folder under the temporary directory, removed with its last reference.
    static func temporaryFolder() throws -> TemporaryDirectory {
        try TemporaryDirectory(prefix: "cli")
    }
}
