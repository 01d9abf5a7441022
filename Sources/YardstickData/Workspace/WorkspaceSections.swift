/// The workspace-file sections a program understands besides YardstickData's own tables.
///
/// A program (the CLI, a test, an embedding app) registers the ``WorkspaceSection`` of each
/// module it links, then opens workspaces with it:
///
/// ```swift
/// var sections = WorkspaceSections()
/// sections.register(TargetsSection.self)
/// let workspace = try Workspace.open(directory: folder, sections: sections)
/// let targets = workspace.section(TargetsSection.self)  // nil when the file has no [targets]
/// ```
public struct WorkspaceSections: Sendable {
    /// The top-level tables YardstickData parses itself; no section may take these keys.
    public static let builtInKeys: Set<String> = [
        "workspace", "calendar", "sources", "formats", "entities", "subjects", "snapshot",
    ]

    /// The registered sections by key.
    private var sections: [String: any WorkspaceSection.Type] = [:]

    /// Creates an empty registry: only YardstickData's own tables are known.
    public init() {}

    /// Registers a section.
    ///
    /// - Precondition: The section's key is a bare key that is neither one of
    ///   ``builtInKeys`` nor already registered: two owners of one table is a programming
    ///   error, found the first time the program runs.
    public mutating func register<Section: WorkspaceSection>(_ section: Section.Type) {
        let key = Section.key
        precondition(
            !key.isEmpty && key.utf8.allSatisfy(Self.isBareKeyByte),
            "workspace section key \"\(key)\" must be a bare TOML key")
        precondition(!Self.builtInKeys.contains(key), "[\(key)] is one of YardstickData's own tables")
        precondition(sections[key] == nil, "a workspace section for [\(key)] is already registered")
        sections[key] = section
    }

    /// The keys of the registered sections.
    public var keys: Set<String> { Set(sections.keys) }

    /// Whether a section is registered for `key`.
    public func contains(_ key: String) -> Bool { sections[key] != nil }

    /// Parses the table under `key` with its section's parser; nil when none is registered.
    func parse(_ table: WorkspaceTable, key: String) throws(WorkspaceError) -> (any Sendable)? {
        guard let section = sections[key] else { return nil }
        return try Self.parse(table, as: section)
    }

    private static func parse<Section: WorkspaceSection>(_ table: WorkspaceTable, as section: Section.Type)
        throws(WorkspaceError) -> any Sendable
    {
        try Section.parse(table)
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default: false
        }
    }
}
