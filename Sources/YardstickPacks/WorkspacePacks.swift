import YardstickData
import YardstickLocalization

/// A workspace's `[packs]` table in `yardstick.toml`: the packs it uses, with version ranges
/// and parameter values, and further folders to find packs in.
///
/// ```toml
/// [packs]
/// paths = ["../consultant-packs"]      # folders holding pack folders, relative to the workspace
///
/// [packs.sales-core]
/// version = "^1.0"
///
/// [packs.customer-value]
/// version = ">=1.0, <2.0"
/// [packs.customer-value.parameters]
/// active_days = 60
/// ```
public struct WorkspacePacks: Sendable {
    /// Folders holding pack folders, as written (relative to the workspace unless absolute).
    public var paths: [String]
    /// The packs the workspace uses, sorted by name.
    public var requirements: [PackRequirement]

    /// Creates the table's value.
    ///
    /// - Parameters:
    ///   - paths: Further folders holding packs.
    ///   - requirements: The packs used.
    public init(paths: [String] = [], requirements: [PackRequirement] = []) {
        self.paths = paths
        self.requirements = requirements
    }
}

/// The `[packs]` table as a workspace section (decision 0007): registered by the program so
/// that `yardstick.toml` may hold it.
public enum PacksSection: WorkspaceSection {
    /// `packs`.
    public static let key = "packs"

    /// Parses `[packs]`: `paths`, and one table per pack with `version` and `parameters`.
    ///
    /// - Throws: `WorkspaceError` (YardstickData) located at the key at fault (a pack name that is
    ///   not one, a range that does not parse, an unknown key).
    public static func parse(_ table: WorkspaceTable) throws(WorkspaceError) -> WorkspacePacks {
        var packs = WorkspacePacks(paths: try table.strings("paths") ?? [])
        for name in table.keys where name != "paths" {
            guard PackManifest.isPackName(name) else {
                throw table.error(
                    at: name, tr("not a pack name (lowercase letters, digits and -, starting with a letter)"))
            }
            guard let spec = try table.table(name) else { continue }
            try spec.allowOnly(["version", "parameters"])
            var range = VersionRange.any
            if let text = try spec.string("version") {
                guard let parsed = VersionRange(text) else {
                    throw spec.error(at: "version", tr("\"%@\" is not a version range (like \"^1.0\")", text))
                }
                range = parsed
            }
            packs.requirements.append(
                PackRequirement(
                    name: name, range: range, origin: table.file, parameters: try spec.table("parameters")))
        }
        return packs
    }
}
