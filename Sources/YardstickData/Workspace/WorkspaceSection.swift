/// A top-level table of `yardstick.toml` that another module owns (`[packs]`, `[scorecard]`,
/// `[targets]`).
///
/// YardstickData parses the tables it owns itself (`[workspace]`, `[calendar]`, `[sources]`,
/// `[formats]`, `[entities]`). Any other top-level table is handed to the section registered
/// for its key (see ``WorkspaceSections``), and its typed result is kept in the parsed
/// ``Workspace`` for the module to fetch with ``Workspace/section(_:)``. A top-level key that
/// no section claims is an error naming the key and listing the known ones.
///
/// The contract:
/// - ``key`` is a bare TOML key, not one of YardstickData's own, and one section's only.
/// - ``parse(_:)`` sees the whole table and rejects what it does not understand (unknown keys
///   are errors in this file: a misspelt key must not be silently ignored). It reports
///   problems as ``WorkspaceError`` made with ``WorkspaceTable/error(at:_:)`` or thrown by the
///   table's typed accessors, so that messages name the file, line and dotted key.
/// - It is pure: no file access, no global state; it may be called from any thread.
///
/// ```swift
/// struct TargetsSection: WorkspaceSection {
///     static let key = "targets"
///     static func parse(_ table: WorkspaceTable) throws(WorkspaceError) -> [String: Double] {
///         var targets: [String: Double] = [:]
///         for name in table.keys { targets[name] = try table.number(name) }
///         return targets
///     }
/// }
/// ```
public protocol WorkspaceSection: SendableMetatype {
    /// What the section's table parses to.
    associatedtype Value: Sendable

    /// The top-level key of the table (`packs` for `[packs]`).
    static var key: String { get }

    /// Parses and validates the table.
    ///
    /// - Parameter table: The table under ``key``, with its place in the file for messages.
    /// - Returns: The typed value the owning module reads back with ``Workspace/section(_:)``.
    /// - Throws: ``WorkspaceError`` naming the file, line and dotted key at fault.
    static func parse(_ table: WorkspaceTable) throws(WorkspaceError) -> Value
}
