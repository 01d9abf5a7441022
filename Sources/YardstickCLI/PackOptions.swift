import ArgumentParser
import Foundation
import YardstickData
import YardstickEngine
import YardstickLocalization
import YardstickPacks
import YardstickScorecard

/// `--plugins` and `--ignore-lock`: which packs a command runs, and whether `yardstick.lock`
/// binds them.
struct PackOptions: ParsableArguments {
    @Option(
        name: .customLong("plugins"),
        help:
            "Packs to run, comma-separated (default: those the workspace lists in [packs]); their indicators are named pack.id."
    )
    var plugins: String?

    @Flag(
        name: .customLong("ignore-lock"),
        help:
            "Run packs even when their files differ from yardstick.lock (the differences are still printed as warnings)."
    )
    var ignoreLock = false

    /// The indicator sets of a command: the workspace's own indicators (when it has any, or
    /// `--indicators` names files) and one set per resolved pack; `--indicators` ids narrow by
    /// qualified id.
    ///
    /// - Throws: ``CommandFailure``: `workspace` for a pack that cannot be resolved, a bad
    ///   parameter or a lock mismatch; `usage` for a bad `--indicators`.
    func selection(indicators: String?, workspace: Workspace) throws(CommandFailure) -> IndicatorSelection {
        let directory = workspace.directory
        let packs: [IndicatorSet]
        do {
            packs = try PackSelection.resolve(
                workspace: workspace, plugins: PackSelection.names(plugins), checksLock: !ignoreLock
            ).sets
        } catch {
            throw CommandFailure(.workspace, cause: error)
        }
        if ignoreLock { warnAboutLock(workspace: workspace) }
        do {
            return try IndicatorDiscovery.selection(argument: indicators, workspace: directory, packs: packs)
        } catch .missingFolder(let path) where !packs.isEmpty && Self.namesOnlyIDs(indicators) {
            // A workspace that runs packs alone needs no indicators/ folder of its own.
            guard path.hasSuffix("/indicators") else {
                throw CommandFailure(.usage, cause: IndicatorSetError.missingFolder(path: path))
            }
            let ids = indicators.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
            return IndicatorSelection(sets: packs, ids: ids)
        } catch {
            throw CommandFailure(error, otherwise: .usage)
        }
    }

    /// The default scorecard models of the command's packs (their `scorecards/*.lua`), named by
    /// pack (`saas.default`).
    ///
    /// - Throws: ``CommandFailure`` of kind `workspace` for a pack that cannot be resolved.
    func models(workspace: Workspace) throws(CommandFailure) -> [PackModels] {
        do {
            return try PackSelection.resolve(
                workspace: workspace, plugins: PackSelection.names(plugins), checksLock: false
            )
            .packs.map { PackModels(name: $0.pack.name, folder: $0.pack.folder) }
        } catch {
            throw CommandFailure(.workspace, cause: error)
        }
    }

    /// Prints what differs from the lock, when `--ignore-lock` runs anyway.
    private func warnAboutLock(workspace: Workspace) {
        do {
            _ = try PackSelection.resolve(workspace: workspace, plugins: PackSelection.names(plugins), checksLock: true)
        } catch let error where error.code == .lockMismatch {
            printError(tr("warning: %@ (running anyway: --ignore-lock)", error))
        } catch {}
    }

    /// Whether `--indicators` is absent or names ids only (no file or folder on disk).
    private static func namesOnlyIDs(_ argument: String?) -> Bool {
        guard let argument else { return true }
        let manager = FileManager.default
        return argument.split(separator: ",").allSatisfy {
            !manager.fileExists(atPath: $0.trimmingCharacters(in: .whitespaces))
        }
    }
}
