import Foundation
import YardstickTestSupport

@testable import YardstickData

/// A workspace folder in a ``TemporaryDirectory``: its `yardstick.toml` and the files of its
/// `data/` folder; removed with the last reference to it.
final class TemporaryWorkspace {
    /// The folder, which removes itself.
    let folder: TemporaryDirectory

    /// The workspace folder's absolute path.
    var directory: String { folder.path }

    init(toml: String, files: [String: [UInt8]] = [:]) throws {
        folder = try TemporaryDirectory(prefix: "data")
        try folder.makeFolder("data")
        try folder.write(toml, to: "yardstick.toml")
        for (name, bytes) in files {
            try folder.write(bytes, to: "data/" + name)
        }
    }

    convenience init(toml: String, text files: [String: String]) throws {
        try self.init(toml: toml, files: files.mapValues { Array($0.utf8) })
    }

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
