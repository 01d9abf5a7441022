import Foundation
import YardstickData

/// The state of the files `run --watch` watches, compared poll by poll.
///
/// Scripts (every `.lua` file of the workspace outside hidden folders, and of the
/// `--indicators` paths) and `yardstick.toml` are known by a hash of their bytes, so any edit
/// shows, whatever the file system's time resolution; data files, which may be large, by
/// their size and modification time.
struct WatchedFiles: Equatable {
    /// Content hashes of the scripts, by path.
    var scripts: [String: UInt64] = [:]
    /// The content hash of `yardstick.toml` (nil when missing).
    var configuration: UInt64?
    /// Size and modification time of each data file, by path (nil entries: missing).
    var data: [String: FileStamp?] = [:]

    /// A data file's size and modification time.
    struct FileStamp: Equatable {
        var size: Int
        var modified: Double
    }

    /// What changed between two states.
    enum Change: Equatable {
        /// Scripts alone: evaluate again with the loaded tables.
        case scripts([String])
        /// A data file or `yardstick.toml`: load again, then evaluate.
        case data([String])
    }

    /// The number of files watched.
    var count: Int { scripts.count + data.count + 1 }

    /// The files as they are now.
    ///
    /// - Parameters:
    ///   - directory: The workspace folder.
    ///   - indicators: The `--indicators` argument, whose existing paths are watched too.
    ///   - dataFiles: The workspace's source files (empty while it cannot be opened).
    static func scan(directory: String, indicators: String?, dataFiles: [String]) -> WatchedFiles {
        var state = WatchedFiles()
        var roots = [directory]
        for item in (indicators ?? "").split(separator: ",") {
            let path = item.trimmingCharacters(in: .whitespaces)
            if !path.isEmpty, FileManager.default.fileExists(atPath: path) { roots.append(path) }
        }
        for root in roots {
            for path in luaFiles(under: root) where state.scripts[path] == nil {
                state.scripts[path] = contentHash(path)
            }
        }
        state.configuration = contentHash((directory as NSString).appendingPathComponent("yardstick.toml"))
        for path in dataFiles {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes?[.size] as? Int, let date = attributes?[.modificationDate] as? Date {
                state.data[path] = FileStamp(size: size, modified: date.timeIntervalSince1970)
            } else {
                state.data[path] = .some(nil)
            }
        }
        return state
    }

    /// What changed from `old` to this state, or nil when nothing did.
    func change(from old: WatchedFiles) -> Change? {
        var dataChanges = Set(data.keys).union(old.data.keys).filter { data[$0] != old.data[$0] }
        if configuration != old.configuration { dataChanges.insert("yardstick.toml") }
        if !dataChanges.isEmpty { return .data(dataChanges.sorted()) }
        let scriptChanges = Set(scripts.keys).union(old.scripts.keys).filter { scripts[$0] != old.scripts[$0] }
        return scriptChanges.isEmpty ? nil : .scripts(scriptChanges.sorted())
    }

    /// The `.lua` files under a folder (or the file itself), hidden folders left out.
    private static func luaFiles(under root: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else { return [] }
        let url = URL(fileURLWithPath: root).standardizedFileURL
        guard isDirectory.boolValue else { return root.hasSuffix(".lua") ? [url.path] : [] }
        guard
            let walker = FileManager.default.enumerator(
                at: url, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        else { return [] }
        var files: [String] = []
        for case let file as URL in walker where file.pathExtension == "lua" {
            files.append(file.standardizedFileURL.path)
        }
        return files
    }

    /// The hash of a file's bytes, nil when it cannot be read.
    private static func contentHash(_ path: String) -> UInt64? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return FastHash.hash(Array(data))
    }
}
