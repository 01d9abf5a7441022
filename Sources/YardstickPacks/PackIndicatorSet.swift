import Foundation
import YardstickEngine
import YardstickLocalization

/// Turns resolved packs into the engine's indicator sets: one Lua environment per pack, ids
/// prefixed with the pack's name, `require` limited to the pack's `lib/`, `param` answering
/// with the pack's values.
///
/// A workspace overrides one indicator of a pack without forking it by putting a file of the
/// same name in `overrides/PACK/` (`overrides/sales-core/win_rate.lua` replaces the pack's
/// `indicators/win_rate.lua`; a new name adds an indicator). The file runs in the pack's
/// environment — its `lib/` modules and parameters — and its indicator keeps the pack's
/// namespace (`sales-core.win_rate`).
public enum PackIndicatorSet {
    /// The folder of a workspace's overrides of a pack's indicators.
    ///
    /// - Parameters:
    ///   - pack: The pack's name.
    ///   - workspace: The workspace folder.
    public static func overridesFolder(pack: String, workspace: String) -> String {
        ((workspace as NSString).appendingPathComponent("overrides") as NSString).appendingPathComponent(pack)
    }

    /// The indicator set of a resolved pack.
    ///
    /// - Parameters:
    ///   - resolved: The pack and its parameter values.
    ///   - workspace: The workspace folder whose `overrides/` apply, or nil for none.
    /// - Returns: The set, its files named `PACK/indicators/FILE.lua` (overrides by their path
    ///   in the workspace).
    /// - Throws: ``PackError`` when a file cannot be read.
    public static func make(_ resolved: ResolvedPack, workspace: String?) throws(PackError) -> IndicatorSet {
        let pack = resolved.pack
        var files: [(name: String, source: Evaluator.Source)] = []
        for path in pack.indicatorFiles {
            let name = (path as NSString).lastPathComponent
            files.append((name, try read(path, shownAs: "\(pack.name)/indicators/\(name)")))
        }
        if let workspace {
            let folder = overridesFolder(pack: pack.name, workspace: workspace)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.filter({ $0.hasSuffix(".lua") }).sorted() {
                let source = try read(
                    (folder as NSString).appendingPathComponent(name), shownAs: "overrides/\(pack.name)/\(name)")
                if let index = files.firstIndex(where: { $0.name == name }) {
                    files[index].source = source
                } else {
                    files.append((name, source))
                }
            }
        }
        let modules = ModuleFolder(path: pack.libraryFolder, displayPrefix: "\(pack.name)/lib")
        do {
            var set = try IndicatorSet(id: pack.name, sources: files.map(\.source), modules: modules)
            set.parameters = resolved.parameters
            set.reads = Set(pack.manifest.dependencies.keys)
            return set
        } catch {
            throw PackError(.invalidManifest, error.description, file: pack.folder + "/pack.toml", key: "name")
        }
    }

    private static func read(_ path: String, shownAs name: String) throws(PackError) -> Evaluator.Source {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw PackError(.fileSystem, tr("cannot read as UTF-8 text"), file: path)
        }
        return Evaluator.Source(file: name, text: text)
    }
}
