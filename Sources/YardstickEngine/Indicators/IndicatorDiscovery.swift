import Foundation

/// Finds the indicator files of a workspace and turns them into sets: where indicators come
/// from.
///
/// Today that is the workspace's `indicators/` folder, or the files and folders named by
/// `--indicators`; both make the workspace's own set (unprefixed ids). Plugin packs (issue 11)
/// will add one ``IndicatorSet`` each, passed in as `packs`.
public enum IndicatorDiscovery {
    /// The sets and ids named by an `--indicators` argument.
    ///
    /// The argument is a comma-separated list of folders (every `*.lua` file in it, sorted by
    /// name), files, and indicator ids. Paths are relative to the current directory. Without
    /// paths, the workspace set is the workspace's `indicators/` folder; with ids, only those
    /// indicators run. `require` finds modules in the `indicators/` folder, or in the first
    /// path given (a folder, or the folder of a file) when the list starts with a path.
    /// Messages name files relative to the workspace when they are inside it.
    ///
    /// - Parameters:
    ///   - argument: The `--indicators` value, or nil for the default folder.
    ///   - workspace: The workspace folder (absolute).
    ///   - packs: Further sets, after the workspace's own.
    /// - Returns: The workspace set followed by `packs`, and the ids to keep.
    /// - Throws: ``IndicatorSetError`` for a missing folder, an unreadable file, or a pack id
    ///   used twice.
    public static func selection(
        argument: String?, workspace: String, packs: [IndicatorSet] = []
    ) throws(IndicatorSetError) -> IndicatorSelection {
        let defaultFolder = (workspace as NSString).appendingPathComponent("indicators")
        var sources: [Evaluator.Source] = []
        var ids: Set<String> = []
        for item in items(argument) {
            if let (path, isDirectory) = existingPath(item) {
                sources += isDirectory ? try folder(path, workspace: workspace) : [try file(path, workspace: workspace)]
            } else {
                ids.insert(item)
            }
        }
        // No argument, or ids alone: the default folder. (An empty argument names nothing.)
        if argument == nil || (sources.isEmpty && !ids.isEmpty) {
            sources = try folder(defaultFolder, workspace: workspace)
        }
        let own = IndicatorSet.workspace(sources: sources, modules: moduleFolder(argument, workspace: workspace))
        var seen: Set<String> = []
        for pack in packs {
            guard let id = pack.id, seen.insert(id).inserted else { throw .duplicateSetID(pack.id) }
        }
        return IndicatorSelection(sets: [own] + packs, ids: ids.isEmpty ? nil : ids)
    }

    /// The folder `require` may load the workspace's indicator modules from: the indicators
    /// folder, or the first path of `argument` (a folder, or the folder of a file).
    ///
    /// - Parameters:
    ///   - argument: The `--indicators` value, or nil.
    ///   - workspace: The workspace folder (absolute).
    static func moduleFolder(_ argument: String?, workspace: String) -> ModuleFolder {
        var folder = (workspace as NSString).appendingPathComponent("indicators")
        if let first = items(argument).first, let (path, isDirectory) = existingPath(first) {
            folder = isDirectory ? path : (path as NSString).deletingLastPathComponent
        }
        let standardized = URL(fileURLWithPath: folder).standardizedFileURL.path
        return ModuleFolder(path: standardized, displayPrefix: displayPath(standardized, workspace: workspace))
    }

    /// The indicator files of a folder: every `*.lua` file in it, sorted by name.
    ///
    /// - Parameters:
    ///   - path: The folder.
    ///   - workspace: The workspace folder, for the names messages use.
    /// - Throws: ``IndicatorSetError`` when the folder or a file cannot be read.
    public static func folder(_ path: String, workspace: String) throws(IndicatorSetError) -> [Evaluator.Source] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            throw .missingFolder(path: path)
        }
        var sources: [Evaluator.Source] = []
        for name in names.filter({ $0.hasSuffix(".lua") }).sorted() {
            sources.append(try file((path as NSString).appendingPathComponent(name), workspace: workspace))
        }
        return sources
    }

    /// One indicator file, named relative to the workspace when it is inside it.
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - workspace: The workspace folder, for the name messages use.
    /// - Throws: ``IndicatorSetError/unreadableFile(path:)`` when it is not readable UTF-8 text.
    public static func file(_ path: String, workspace: String) throws(IndicatorSetError) -> Evaluator.Source {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw .unreadableFile(path: path) }
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        return Evaluator.Source(file: displayPath(standardized, workspace: workspace), text: text)
    }

    /// The comma-separated items of an `--indicators` value, trimmed.
    private static func items(_ argument: String?) -> [String] {
        argument?.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } ?? []
    }

    /// The absolute path of an item and whether it is a folder, when it names something on
    /// disk (relative paths are taken from the current directory).
    private static func existingPath(_ item: String) -> (String, Bool)? {
        let fileManager = FileManager.default
        let path = item.hasPrefix("/") ? item : fileManager.currentDirectoryPath + "/" + item
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        return (path, isDirectory.boolValue)
    }

    /// A standardised path relative to the workspace when it is inside it, else as it is.
    private static func displayPath(_ standardized: String, workspace: String) -> String {
        let root = URL(fileURLWithPath: workspace).standardizedFileURL.path + "/"
        return standardized.hasPrefix(root) ? String(standardized.dropFirst(root.count)) : standardized
    }
}
