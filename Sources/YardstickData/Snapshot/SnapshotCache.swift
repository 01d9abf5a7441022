import Foundation
import YardstickLocalization

/// Loads a workspace's data through a binary snapshot of its typed tables, kept in the
/// workspace's cache folder (`.yardstick/cache/`).
///
/// Each source file is identified by a content hash, taken from the snapshot's key without
/// reading the file when its status (size, times, inode) is unchanged since it was hashed.
///
/// The first load reads the sources (``DataLoader``) and writes the snapshot; a later load of
/// unchanged data reads the snapshot instead: one pass over a file of typed arrays, no
/// parsing, no index building. The snapshot is used only when its ``SnapshotKey`` matches:
/// the same source files (size and content hash), the same mapping and vocabulary, the same
/// format and build. A damaged snapshot (checksum, truncation) is never trusted: the sources
/// are loaded again and the snapshot rewritten, with a warning. Writes are atomic.
///
/// The snapshot keeps the load report, so a lenient run from it lists the same skipped rows,
/// and a strict run on data with bad rows fails as a load from the sources would.
package struct SnapshotCache: Sendable {
    /// What a load through the cache did.
    package enum Outcome: Sendable, Equatable {
        /// The tables came from the snapshot.
        case used
        /// The sources were loaded and the snapshot written; the reason it was not used.
        case written(because: String)
        /// The sources were loaded; no snapshot was written (the reason).
        case notWritten(because: String)
    }

    /// What a load through the cache returns.
    package struct Load: Sendable {
        /// The tables.
        package var dataset: Dataset
        /// What loading found (for a snapshot: what the load that wrote it found).
        package var report: LoadReport
        /// Whether the snapshot was used.
        package var outcome: Outcome
        /// Problems with the cache itself, for standard error (`the snapshot … is damaged`).
        package var warnings: [String]
        /// Seconds spent on the cache itself: identifying the sources (their content hashes),
        /// reading the snapshot, writing it.
        package var seconds = Seconds()
        /// The number of source files read and hashed to identify them (0 when every file's
        /// status was unchanged since the snapshot's hashes).
        package var hashedFiles = 0
    }

    /// Where the cache's time went, for `--timings` and the cache benchmark.
    package struct Seconds: Sendable, Equatable {
        /// Identifying the source files (stat and content hash of each).
        package var identifying = 0.0
        /// Reading the snapshot (or finding it stale).
        package var reading = 0.0
        /// Writing the snapshot.
        package var writing = 0.0

        /// No time spent yet.
        package init() {}
    }

    /// The workspace.
    package let workspace: Workspace
    /// The snapshot file.
    package let path: String
    /// A test hook that interrupts the write (``SnapshotInterruption``); by default the one
    /// `YARDSTICK_SNAPSHOT_KILL_AFTER_BYTES` sets.
    package var interruption: SnapshotInterruption? = SnapshotInterruption.fromEnvironment
    /// Where the mappings' records come from when the sources are loaded; files by default.
    package var opener: any RecordSourceOpener = FileSourceOpener()

    /// The cache folder of a workspace folder.
    package static func folder(ofWorkspace directory: String) -> String {
        (directory as NSString).appendingPathComponent(".yardstick/cache")
    }

    /// The cache of a workspace, in its cache folder.
    package init(workspace: Workspace, opener: any RecordSourceOpener = FileSourceOpener()) {
        self.workspace = workspace
        self.opener = opener
        self.path = (Self.folder(ofWorkspace: workspace.directory) as NSString)
            .appendingPathComponent("tables.snapshot")
    }

    /// Loads the workspace's data, from the snapshot when it fits, else from the sources
    /// (then writing the snapshot).
    ///
    /// Loads that record row sources (`check`) bypass the cache.
    ///
    /// - Throws: ``LoadFailure`` as ``DataLoader/load()`` does, also for a snapshot whose
    ///   report has rejected rows when `options` is strict.
    package func load(options: LoadOptions) throws(LoadFailure) -> Load {
        if options.recordsRowSources {
            let (dataset, report) = try DataLoader(workspace: workspace, options: options, opener: opener).load()
            return Load(dataset: dataset, report: report, outcome: .notWritten(because: "row sources"), warnings: [])
        }
        var seconds = Seconds()
        var clock = ContinuousClock.now
        func lap() -> Double {
            let now = ContinuousClock.now
            defer { clock = now }
            let elapsed = now - clock
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        // A database server's tables have no file to identify, and nothing cheap tells whether
        // they changed: such a workspace is read from the server on every load (decision 0036).
        let readsAServer = workspace.entities.contains { mapping in
            mapping.parts.contains { workspace.sources[$0.sourceName]?.kind == .postgres }
        }
        if readsAServer {
            let (dataset, report) = try DataLoader(workspace: workspace, options: options, opener: opener).load()
            return Load(
                dataset: dataset, report: report,
                outcome: .notWritten(because: "a PostgreSQL source is read from its server on every load"),
                warnings: [])
        }
        let identified = SnapshotKey.current(workspace, known: SnapshotFile.storedKey(path))
        seconds.identifying = lap()
        guard let (key, hashedFiles) = identified else {
            let (dataset, report) = try DataLoader(workspace: workspace, options: options, opener: opener).load()
            return Load(
                dataset: dataset, report: report,
                outcome: .notWritten(because: "a source file could not be read whole"), warnings: [])
        }
        var warnings: [String] = []
        let reason: String
        let reading = SnapshotFile.read(
            path, workspace: workspace, key: key, problemSampleSize: options.problemSampleSize)
        seconds.reading = lap()
        switch reading {
        case .fits(let dataset, let report):
            if !options.lenient && report.rejectedRows > 0 {
                throw LoadFailure(report: report, lenient: false)
            }
            return Load(
                dataset: dataset, report: report, outcome: .used, warnings: [], seconds: seconds,
                hashedFiles: hashedFiles)
        case .missing:
            reason = "there was no snapshot"
        case .stale(let why):
            reason = why
        case .damaged(let error):
            reason = "the snapshot was damaged"
            warnings.append("the snapshot cache \(error); loading the sources and rebuilding it")
        }
        let (dataset, report) = try DataLoader(workspace: workspace, options: options, opener: opener).load()
        _ = lap()
        // A file written to during the load may have been read half old, half new.
        for file in key.files {
            guard FileStatus.of(file.path) == file.status else {
                return Load(
                    dataset: dataset, report: report,
                    outcome: .notWritten(because: "\(file.path) changed during the load"), warnings: warnings,
                    seconds: seconds, hashedFiles: hashedFiles)
            }
        }
        do throws(SnapshotError) {
            try prepareFolder()
            try SnapshotFile.write(
                dataset, report: report, key: key, problemSampleSize: options.problemSampleSize, to: path,
                interruption: interruption)
        } catch {
            seconds.writing = lap()
            warnings.append(tr("cannot write the snapshot cache: %@", error))
            return Load(
                dataset: dataset, report: report, outcome: .notWritten(because: error.description),
                warnings: warnings, seconds: seconds, hashedFiles: hashedFiles)
        }
        seconds.writing = lap()
        return Load(
            dataset: dataset, report: report, outcome: .written(because: reason), warnings: warnings,
            seconds: seconds, hashedFiles: hashedFiles)
    }

    /// Creates the cache folder, with a `.gitignore` that keeps the whole `.yardstick` folder
    /// out of version control.
    private func prepareFolder() throws(SnapshotError) {
        let folder = (path as NSString).deletingLastPathComponent
        let root = (folder as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw SnapshotError(.system, file: path, tr("cannot create the folder %@", folder))
        }
        let ignore = (root as NSString).appendingPathComponent(".gitignore")
        if !FileManager.default.fileExists(atPath: ignore) {
            try? Data("# Yardstick's cache: safe to delete, never to commit.\n*\n".utf8).write(
                to: URL(fileURLWithPath: ignore), options: .atomic)
        }
    }
}
