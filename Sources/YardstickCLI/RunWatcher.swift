import Foundation
import YardstickData
import YardstickLocalization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `yardstick run --watch`: evaluates, then evaluates again whenever an indicator changes,
/// with the tables it already loaded, and loads again when a data file or `yardstick.toml`
/// changes (through the snapshot cache, which then rebuilds).
///
/// Files are polled every 20 ms (``WatchedFiles``): portable, no dependency, and a poll of a
/// workspace's scripts costs well under a millisecond. A change is acted on once the files
/// stop changing between two polls (an editor's save is several writes). Errors of one run
/// (a bad script, an invalid `yardstick.toml`) are printed and the watch goes on. Ctrl-C
/// stops it, after the run in progress, with exit status 0.
struct RunWatcher {
    /// The command, whose options each run uses.
    let command: RunCommand
    /// The workspace folder.
    let directory: String

    /// How long to wait between polls.
    static let pollInterval: useconds_t = 20_000

    func run() throws(CommandFailure) {
        let interrupt = InterruptFlag.install()
        var loaded = load()
        var files = scan(loaded)
        if let loaded { evaluate(loaded, loadSeconds: nil, because: nil) }
        printError(tr("watching %@ files for changes (Ctrl-C stops)", files.count))
        while !interrupt.isSet {
            usleep(Self.pollInterval)
            var current = scan(loaded)
            guard current != files else { continue }
            // Wait for the files to settle (at most half a second).
            for _ in 0..<25 {
                usleep(Self.pollInterval / 2)
                let again = scan(loaded)
                if again == current { break }
                current = again
            }
            guard let change = current.change(from: files) else {
                files = current
                continue
            }
            let started = DispatchTime.now()
            var loadSeconds: Double?
            switch change {
            case .data(let paths):
                printError(tr("reloading: %@ changed", paths.map(display).joined(separator: ", ")))
                loaded = load()
                loadSeconds = RunCommand.seconds(started, DispatchTime.now())
                current = scan(loaded)
            case .scripts:
                break
            }
            files = current
            if let loaded {
                evaluate(loaded, loadSeconds: loadSeconds, because: change)
            }
            let total = RunCommand.seconds(started, DispatchTime.now())
            printError(tr("re-ran in %@ s; watching %@ files", String(format: "%.3f", total), files.count))
        }
        printError(tr("stopped watching"))
    }

    /// Loads the workspace, printing the error when it fails.
    private func load() -> WorkspaceLoading.Loaded? {
        do {
            return try WorkspaceLoading.loadReporting(
                directory, lenient: command.lenientOptions.lenient, rejects: command.lenientOptions.rejects,
                cache: command.cacheOptions.usesCache)
        } catch {
            error.report()
            return nil
        }
    }

    /// Evaluates and prints; a failure is reported and the watch goes on.
    private func evaluate(_ loaded: WorkspaceLoading.Loaded, loadSeconds: Double?, because change: WatchedFiles.Change?)
    {
        if case .scripts(let paths)? = change {
            printError(tr("re-running: %@ changed", paths.map(display).joined(separator: ", ")))
        }
        do {
            try command.evaluate(loaded, loadSeconds: loadSeconds ?? 0)
        } catch {
            error.report()
        }
    }

    /// The watched files now; while the data cannot be loaded, the data files of the workspace
    /// file as it stands, so that fixing one is seen.
    private func scan(_ loaded: WorkspaceLoading.Loaded?) -> WatchedFiles {
        let workspace =
            loaded?.workspace ?? (try? Workspace.open(directory: directory, sections: WorkspaceLoading.sections))
        let dataFiles = workspace?.entities.flatMap { $0.parts.map(\.path) } ?? []
        return WatchedFiles.scan(directory: directory, indicators: command.indicators, dataFiles: dataFiles)
    }

    /// A path relative to the workspace when inside it.
    private func display(_ path: String) -> String {
        path.hasPrefix(directory + "/") ? String(path.dropFirst(directory.count + 1)) : path
    }
}

/// Set when the user presses Ctrl-C (SIGINT) or the process is asked to stop (SIGTERM); a
/// second Ctrl-C ends the process at once.
final class InterruptFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var set = false
    private var sources: [any DispatchSourceSignal] = []

    /// Whether a stop was asked for.
    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return set
    }

    /// Catches SIGINT and SIGTERM from now on.
    static func install() -> InterruptFlag {
        let flag = InterruptFlag()
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak flag] in
                guard let flag else { return }
                flag.lock.lock()
                flag.set = true
                flag.lock.unlock()
                // The next one is not caught: a stuck run can still be stopped.
                signal(signalNumber, SIG_DFL)
            }
            source.resume()
            flag.sources.append(source)
        }
        return flag
    }
}
