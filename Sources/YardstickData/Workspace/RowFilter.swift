/// A row filter of a source mapping: `drop = { outcome = "PHANTOM" }` leaves out the records
/// whose `outcome` cell is `PHANTOM`; `keep = { type = ["PS", "PE"] }` leaves out every record
/// whose `type` cell is neither.
///
/// Cells are compared after trimming surrounding spaces, exactly (case matters), before any
/// value map or type parsing. Records left out are not errors: `yardstick check` counts them
/// per entity, and they never reach a table.
public struct RowFilter: Sendable, Hashable {
    /// Whether matching records are the ones kept (`keep`) or the ones dropped (`drop`).
    public enum Action: String, Sendable, Hashable {
        /// Records whose cell is one of ``RowFilter/values`` are left out.
        case drop
        /// Only records whose cell is one of ``RowFilter/values`` are loaded.
        case keep
    }

    /// `drop` or `keep`.
    public var action: Action
    /// The source column whose cell is compared, matched like header names.
    public var column: String
    /// The cell texts that match.
    public var values: [String]

    /// Creates a filter.
    public init(action: Action, column: String, values: [String]) {
        self.action = action
        self.column = column
        self.values = values
    }

    /// The filter as written in the workspace file: `drop outcome = "PHANTOM"`.
    public var summary: String {
        let list = values.map { "\"\($0)\"" }
        return "\(action.rawValue) \(column) = "
            + (list.count == 1 ? list[0] : "[" + list.joined(separator: ", ") + "]")
    }
}
