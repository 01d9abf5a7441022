import YardstickData
import YardstickEngine

/// The packs a command runs: those the workspace lists in `[packs]`, or those `--plugins`
/// names, resolved with their dependencies and checked against `yardstick.lock`.
public enum PackSelection {
    /// The requirements of a run.
    ///
    /// Without `plugins`, every pack the workspace lists. With `plugins`, those packs only,
    /// each with the workspace's range and parameters when it lists it, any version otherwise.
    ///
    /// - Parameters:
    ///   - listed: The workspace's `[packs]`, if it has one.
    ///   - plugins: The `--plugins` names, or nil.
    public static func requirements(listed: WorkspacePacks?, plugins: [String]?) -> [PackRequirement] {
        let own = listed?.requirements ?? []
        guard let plugins else { return own }
        return plugins.map { name in
            own.first { $0.name == name } ?? PackRequirement(name: name, origin: "--plugins")
        }
    }

    /// Resolves a workspace's packs and builds their indicator sets.
    ///
    /// - Parameters:
    ///   - workspace: The open workspace (its `[packs]` section registered).
    ///   - plugins: The `--plugins` names, or nil for the workspace's list.
    ///   - checksLock: Whether to refuse packs that differ from `yardstick.lock` (when the
    ///     workspace has one).
    ///   - locations: Where packs are found; the standard locations by default.
    /// - Returns: The resolved packs, dependencies first, and one indicator set each.
    /// - Throws: ``PackError`` for a pack that cannot be resolved, a bad parameter, or a lock
    ///   mismatch.
    public static func resolve(
        workspace: Workspace, plugins: [String]?, checksLock: Bool, locations: PackLocations? = nil
    ) throws(PackError) -> (packs: [ResolvedPack], sets: [IndicatorSet]) {
        let listed = workspace.section(PacksSection.self)
        let requirements = requirements(listed: listed, plugins: plugins)
        guard !requirements.isEmpty else { return ([], []) }
        let searched = locations ?? PackLocations.standard(workspace: workspace.directory, paths: listed?.paths ?? [])
        let resolved = try PackResolver(catalog: PackCatalog(scanning: searched)).resolve(requirements)
        if checksLock, let lock = try PackLock.read(workspace: workspace.directory) {
            try lock.verify(resolved)
        }
        var sets: [IndicatorSet] = []
        for pack in resolved { sets.append(try PackIndicatorSet.make(pack, workspace: workspace.directory)) }
        return (resolved, sets)
    }

    /// The `--plugins` value as names (comma-separated, trimmed), nil when not given.
    ///
    /// - Parameter argument: The option's value.
    public static func names(_ argument: String?) -> [String]? {
        argument.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }
}
