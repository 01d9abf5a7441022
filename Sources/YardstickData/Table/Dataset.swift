import Foundation

/// Every loaded table of a workspace.
public struct Dataset: Sendable {
    /// The tables, by entity name.
    public internal(set) var tables: [String: Table]
    /// The zone datetimes were read in and local days computed in.
    public let timeZone: TimeZone

    /// Creates a dataset.
    public init(tables: [String: Table], timeZone: TimeZone) {
        self.tables = tables
        self.timeZone = timeZone
    }

    /// The table of an entity, if loaded.
    public subscript(entity: String) -> Table? { tables[entity] }

    /// The total number of rows over all tables.
    public var totalRows: Int { tables.values.reduce(0) { $0 + $1.rowCount } }
}
