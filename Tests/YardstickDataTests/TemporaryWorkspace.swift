import Foundation

@testable import YardstickData

/// A workspace folder in the temporary directory, written file by file, removed on deinit.
final class TemporaryWorkspace {
    let directory: String

    init(toml: String, files: [String: [UInt8]] = [:]) throws {
        directory = NSTemporaryDirectory() + "yardstick-test-" + UUID().uuidString
        try FileManager.default.createDirectory(
            atPath: directory + "/data", withIntermediateDirectories: true)
        try Data(toml.utf8).write(to: URL(fileURLWithPath: directory + "/yardstick.toml"))
        for (name, bytes) in files {
            try Data(bytes).write(to: URL(fileURLWithPath: directory + "/data/" + name))
        }
    }

    convenience init(toml: String, text files: [String: String]) throws {
        try self.init(toml: toml, files: files.mapValues { Array($0.utf8) })
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func open() throws -> Workspace { try Workspace.open(directory: directory) }

    func load(lenient: Bool = false) throws -> (Dataset, LoadReport) {
        try DataLoader(workspace: open(), options: LoadOptions(lenient: lenient)).load()
    }

    /// Everything loadable, as `check` loads it: never throws for the data.
    func loadAll() throws -> (Dataset, LoadReport) {
        try DataLoader(workspace: open(), options: LoadOptions(lenient: true, recordsRowSources: true)).loadAll()
    }

    /// The description of the load failure of a load, or nil when it loads.
    func loadFailure(lenient: Bool = true) throws -> String? {
        do {
            _ = try DataLoader(workspace: open(), options: LoadOptions(lenient: lenient)).load()
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// `check`'s report of this workspace.
    func check() throws -> CheckReport {
        WorkspaceChecker(workspace: try open(), today: CivilDate.dayNumber(year: 2026, month: 11, day: 1)).check()
    }
}

/// The repository root, found from this file's path.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            return url.path
        }
    }
    return FileManager.default.currentDirectoryPath
}()

/// Reads every record of CSV text as strings.
func records(_ text: [UInt8], encoding: TextEncoding = .automatic) throws -> [[String]] {
    var reader = try CSVReader(bytes: text, path: "t.csv", dialect: CSVDialect(encoding: encoding))
    var rows: [[String]] = []
    try reader.forEachRecord { record in
        rows.append((0..<record.count).map { record.string(at: $0) })
        return true
    }
    return rows
}
