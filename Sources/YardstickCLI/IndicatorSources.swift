import Foundation
import YardstickEngine

/// Finds indicator files: a folder (all `*.lua` files, sorted), a file, or ids among the
/// workspace's `indicators/` folder.
enum IndicatorSources {
    /// The sources named by `--indicators` (default: the workspace's indicators/ folder), and
    /// the ids to keep when ids were given instead of paths.
    static func resolve(_ argument: String?, workspace: String) throws -> ([Evaluator.Source], Set<String>?) {
        let fileManager = FileManager.default
        let defaultFolder = (workspace as NSString).appendingPathComponent("indicators")
        guard let argument else { return (try folder(defaultFolder, workspace: workspace), nil) }
        var sources: [Evaluator.Source] = []
        var ids: Set<String> = []
        for item in argument.split(separator: ",").map({ String($0).trimmingCharacters(in: .whitespaces) }) {
            var isDirectory: ObjCBool = false
            let path = item.hasPrefix("/") ? item : fileManager.currentDirectoryPath + "/" + item
            if fileManager.fileExists(atPath: path, isDirectory: &isDirectory) {
                sources +=
                    isDirectory.boolValue
                    ? try folder(path, workspace: workspace) : [try file(path, workspace: workspace)]
            } else {
                ids.insert(item)
            }
        }
        if ids.isEmpty { return (sources, nil) }
        if sources.isEmpty { sources = try folder(defaultFolder, workspace: workspace) }
        return (sources, ids)
    }

    /// The folder `require` may load the indicators' own modules from: the indicators folder
    /// (or the folder of the first file given).
    static func moduleFolder(_ argument: String?, workspace: String) -> ModuleFolder {
        let fileManager = FileManager.default
        var folder = (workspace as NSString).appendingPathComponent("indicators")
        if let first = argument?.split(separator: ",").first.map({ String($0).trimmingCharacters(in: .whitespaces) }) {
            let path = first.hasPrefix("/") ? first : fileManager.currentDirectoryPath + "/" + first
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: path, isDirectory: &isDirectory) {
                folder = isDirectory.boolValue ? path : (path as NSString).deletingLastPathComponent
            }
        }
        let standardized = URL(fileURLWithPath: folder).standardizedFileURL.path
        let root = URL(fileURLWithPath: workspace).standardizedFileURL.path + "/"
        let display = standardized.hasPrefix(root) ? String(standardized.dropFirst(root.count)) : standardized
        return ModuleFolder(path: standardized, displayPrefix: display)
    }

    private static func folder(_ path: String, workspace: String) throws -> [Evaluator.Source] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            throw CLIError("no indicators folder at \(path)")
        }
        return try names.filter { $0.hasSuffix(".lua") }.sorted().map {
            try file((path as NSString).appendingPathComponent($0), workspace: workspace)
        }
    }

    private static func file(_ path: String, workspace: String) throws -> Evaluator.Source {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CLIError("cannot read \(path) as UTF-8 text")
        }
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        let root = URL(fileURLWithPath: workspace).standardizedFileURL.path + "/"
        let display = standardized.hasPrefix(root) ? String(standardized.dropFirst(root.count)) : standardized
        return Evaluator.Source(file: display, text: text)
    }
}

/// A usage error of the command line (exit code 2).
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
