import YardstickData
import YardstickEngine
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

    /// The opener of a run whose rows are limited by `reach`: each entity read over a range of
    /// days becomes a ``PostgresPeriodWindow``, which a PostgreSQL table mapping pushes into its
    /// SQL (docs/workspace.md, "PostgreSQL sources"); every read is recorded in `statistics`.
    static func opener(
        for workspace: Workspace, reach: EntityReadWindows, statistics: PostgresLoadStatistics
    ) -> any RecordSourceOpener {
        let windows = reach.windows.map { window in
            PostgresPeriodWindow(entity: window.entity, field: window.field, from: window.from, until: window.until)
        }
        return PostgresSourceOpener(
            workspace: workspace, windows: windows, statistics: statistics, next: SQLiteSourceOpener())
    }

    /// Whether any mapping of `workspace` reads a PostgreSQL source.
    static func readsPostgres(_ workspace: Workspace) -> Bool {
        workspace.entities.contains { mapping in
            mapping.parts.contains { workspace.sources[$0.sourceName]?.kind == .postgres }
        }
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
        /// What was read from PostgreSQL servers, when the run's reach was decided.
        var postgresReads: [PostgresLoadStatistics.Read] = []
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
        cache: Bool = true, progress: LoadProgress? = nil, reach: ((Workspace) -> EntityReadWindows?)? = nil
    ) throws(CommandFailure) -> (Workspace, Dataset) {
        let loaded = try loadReporting(
            directory, lenient: lenient, rejects: rejects, listsSkippedRows: listsSkippedRows, cache: cache,
            progress: progress, reach: reach)
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
        cache: Bool = true, progress: LoadProgress? = nil, reach: ((Workspace) -> EntityReadWindows?)? = nil
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
        // A run that reads PostgreSQL asks only for the rows its indicators need.
        let statistics = PostgresLoadStatistics()
        var sourceOpener = Self.opener(for: workspace)
        if let reach, readsPostgres(workspace), let windows = reach(workspace) {
            sourceOpener = Self.opener(for: workspace, reach: windows, statistics: statistics)
        }
        do {
            if cache {
                let load = try SnapshotCache(workspace: workspace, opener: sourceOpener).load(
                    options: options)
                for warning in load.warnings { printError(tr("warning: %@", warning)) }
                (dataset, report, outcome) = (load.dataset, load.report, load.outcome)
                (cacheSeconds, hashedFiles) = (load.seconds, load.hashedFiles)
            } else {
                (dataset, report) = try DataLoader(
                    workspace: workspace, options: options, opener: sourceOpener
                ).load()
            }
        } catch {
            throw CommandFailure(.data, cause: error)
        }
        try SkippedRows.report(report, rejects: listsSkippedRows ? rejects : nil, listing: listsSkippedRows)
        return Loaded(
            workspace: workspace, dataset: dataset, cacheOutcome: outcome, cacheSeconds: cacheSeconds,
            hashedFiles: hashedFiles, postgresReads: statistics.reads)
    }
}
