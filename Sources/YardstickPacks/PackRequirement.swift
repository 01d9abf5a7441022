import YardstickData

/// A pack a workspace (or `--plugins`, or another pack) asks for: its name, the versions
/// accepted, and the workspace's parameter values for it.
public struct PackRequirement: Sendable {
    /// The pack's name.
    public var name: String
    /// The versions accepted.
    public var range: VersionRange
    /// Who asks, for messages: `yardstick.toml`, `--plugins`, or `pack x 1.0.0`.
    public var origin: String
    /// The workspace's `[packs.NAME.parameters]` table, checked against the manifest once the
    /// pack is resolved (nil: the defaults).
    public var parameters: WorkspaceTable?

    /// Creates a requirement.
    ///
    /// - Parameters:
    ///   - name: The pack's name.
    ///   - range: The versions accepted.
    ///   - origin: Who asks.
    ///   - parameters: The workspace's parameter values.
    public init(name: String, range: VersionRange = .any, origin: String, parameters: WorkspaceTable? = nil) {
        self.name = name
        self.range = range
        self.origin = origin
        self.parameters = parameters
    }
}
