import YardstickData
import YardstickLocalization
import YardstickPacks
import YardstickPostgres
import YardstickSQLite

/// Opening and loading a workspace for the commands that evaluate.
enum WorkspaceLoading {
    /// The `yardstick.toml` sections of the modules this program links, besides YardstickData's
    /// own tables: a module that gains a top-level table (`[packs]`, `[scorecard]`) registers
    /// its ``WorkspaceSection`` here.
    static let sections: WorkspaceSections = {
        var sections = WorkspaceSections()
        sections.register(PacksSection.self)
        return sections
    }()

    /// The workspace, without its data (for commands that only read `yardstick.toml`).
    ///
    /// - Throws: ``CommandFailure`` of kind `workspace` when it is not valid.
    static func open(_ directory: String) throws(CommandFailure) -> Workspace {
        do {
            return LanguageChoice.apply(to: try Workspace.open(directory: directory, sections: sections))
        } catch {
            throw CommandFailure(.workspace, cause: error)
        }
    }

    /// Where the mappings' records come from: PostgreSQL servers (`kind = "postgres"`), SQLite
    /// databases (`kind = "sqlite"`) and files.
    static func opener(for workspace: Workspace) -> any RecordSourceOpener {
        PostgresSourceOpener(workspace: workspace, next: SQLiteSourceOpener())
    }

    /// A loaded workspace.
    struct Loaded {
        /// The workspace.
        var workspace: Workspace
        /// Its data.
        var dataset: Dataset
        /// What the snapshot cache did; nil when the cache was not asked.
        var cacheOutcome: SnapshotCache.Outcome?
        /// Where the cache's time went.
        var cacheSeconds = SnapshotCache.Seconds()
        /// How many source files the cache read and hashed.
        var hashedFiles = 0
    }

    /// The workspace and its data.
    ///
    /// A lenient load names every skipped row on standard error, or writes them to `rejects`
    /// (with a one-line summary on standard error); `listsSkippedRows: false` gives the
    /// summary alone.
    ///
    /// - Throws: ``CommandFailure`` of kind `workspace` when the workspace is invalid, `data`
    ///   when its data cannot be loaded, `output` when the rejects file cannot be written.
    static func load(
        _ directory: String, lenient: Bool, rejects: String? = nil, listsSkippedRows: Bool = true,
        cache: Bool = true, progress: LoadProgress? = nil
    ) throws(CommandFailure) -> (Workspace, Dataset) {
        let loaded = try loadReporting(
            directory, lenient: lenient, rejects: rejects, listsSkippedRows: listsSkippedRows, cache: cache,
            progress: progress)
        return (loaded.workspace, loaded.dataset)
    }

    /// The workspace and its data, and what the snapshot cache did (see
    /// ``load(_:lenient:rejects:listsSkippedRows:cache:progress:)``; `progress` is told after
    /// each source read).
    ///
    /// With `cache`, the data comes from the workspace's snapshot when it fits and the snapshot
    /// is written when it does not ([docs/workspace.md](docs/workspace.md#snapshot-cache));
    /// a damaged snapshot or one that cannot be written is a warning on standard error.
    static func loadReporting(
        _ directory: String, lenient: Bool, rejects: String? = nil, listsSkippedRows: Bool = true,
        cache: Bool = true, progress: LoadProgress? = nil
    ) throws(CommandFailure) -> Loaded {
        let workspace: Workspace
        do {
            workspace = LanguageChoice.apply(to: try Workspace.open(directory: directory, sections: sections))
        } catch {
            throw CommandFailure(.workspace, cause: error)
        }
        let options = LoadOptions(
            lenient: lenient, problemSampleSize: lenient && listsSkippedRows ? .max : 20, progress: progress)
        let dataset: Dataset
        let report: LoadReport
        var outcome: SnapshotCache.Outcome?
        var cacheSeconds = SnapshotCache.Seconds()
        var hashedFiles = 0
        do {
            if cache {
                let load = try SnapshotCache(workspace: workspace, opener: opener(for: workspace)).load(
                    options: options)
                for warning in load.warnings { printError(tr("warning: %@", warning)) }
                (dataset, report, outcome) = (load.dataset, load.report, load.outcome)
                (cacheSeconds, hashedFiles) = (load.seconds, load.hashedFiles)
            } else {
                (dataset, report) = try DataLoader(
                    workspace: workspace, options: options, opener: opener(for: workspace)
                ).load()
            }
        } catch {
            throw CommandFailure(.data, cause: error)
        }
        try SkippedRows.report(report, rejects: listsSkippedRows ? rejects : nil, listing: listsSkippedRows)
        return Loaded(
            workspace: workspace, dataset: dataset, cacheOutcome: outcome, cacheSeconds: cacheSeconds,
            hashedFiles: hashedFiles)
    }
}
