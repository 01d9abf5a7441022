/// Where a pack was found, in the order resolution looks.
public enum PackSource: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The workspace's own `packs/` folder.
    case workspace
    /// A folder listed in the workspace's `[packs] paths`.
    case path
    /// The user's folder: `$YARDSTICK_PACKS`, or `~/.local/share/yardstick/packs`.
    case user
    /// The packs shipped with Yardstick (the repository's `plugins/` folder).
    case shipped

    /// Earlier sources come first.
    public static func < (lhs: PackSource, rhs: PackSource) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
