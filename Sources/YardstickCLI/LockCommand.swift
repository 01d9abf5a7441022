import ArgumentParser
import Foundation
import YardstickLocalization
import YardstickPacks

/// `yardstick lock`: resolves the workspace's packs and writes `yardstick.lock`.
struct LockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lock",
        abstract: "Resolve the workspace's packs and write yardstick.lock (versions, sources, SHA-256 of their files).",
        discussion: """
            run, score and explain then refuse to run when a pack's files no longer match the lock, \
            naming the file (--ignore-lock runs anyway). Exit codes: 0 written, 2 a pack cannot be \
            resolved or the file cannot be written.
            """)

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(name: .customLong("plugins"), help: "Lock these packs, comma-separated (default: those [packs] lists).")
    var plugins: String?

    func run() throws {
        let directory = workspaceOptions.directory
        let workspace = try WorkspaceLoading.open(directory)
        do {
            let (packs, _) = try PackSelection.resolve(
                workspace: workspace, plugins: PackSelection.names(plugins), checksLock: false)
            guard !packs.isEmpty else {
                throw CommandFailure.usage(tr("the workspace lists no packs in [packs] (or name them with --plugins)"))
            }
            let lock = try PackLock(locking: packs)
            try lock.write(workspace: directory)
            for entry in lock.entries {
                print(
                    tr(
                        "locked %@ %@ (%@, %@ files, sha256 %@…)", entry.name, entry.version, entry.source.rawValue,
                        entry.files.count, entry.digest.prefix(12)))
            }
            print(tr("wrote %@", PackLock.fileName))
        } catch let error as PackError {
            throw CommandFailure(.workspace, cause: error)
        }
    }
}
