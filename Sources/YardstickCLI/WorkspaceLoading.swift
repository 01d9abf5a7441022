import YardstickData

/// Opening and loading a workspace for the commands that evaluate.
enum WorkspaceLoading {
    /// The `yardstick.toml` sections of the modules this program links, besides YardstickData's
    /// own tables: a module that gains a top-level table (`[packs]`, `[scorecard]`) registers
    /// its ``WorkspaceSection`` here.
    static let sections = WorkspaceSections()

    /// The workspace and its data.
    ///
    /// A lenient load names every skipped row on standard error, or writes them to `rejects`
    /// (with a one-line summary on standard error); `listsSkippedRows: false` gives the
    /// summary alone.
    ///
    /// - Throws: ``CommandFailure`` of kind `workspace` when the workspace is invalid, `data`
    ///   when its data cannot be loaded, `output` when the rejects file cannot be written.
    static func load(
        _ directory: String, lenient: Bool, rejects: String? = nil, listsSkippedRows: Bool = true
    ) throws(CommandFailure) -> (Workspace, Dataset) {
        let workspace: Workspace
        do {
            workspace = try Workspace.open(directory: directory, sections: sections)
        } catch {
            throw CommandFailure(.workspace, cause: error)
        }
        let options = LoadOptions(lenient: lenient, problemSampleSize: lenient && listsSkippedRows ? .max : 20)
        let loaded: (dataset: Dataset, report: LoadReport)
        do {
            loaded = try DataLoader(workspace: workspace, options: options).load()
        } catch {
            throw CommandFailure(.data, cause: error)
        }
        try SkippedRows.report(loaded.report, rejects: listsSkippedRows ? rejects : nil, listing: listsSkippedRows)
        return (workspace, loaded.dataset)
    }
}
