/// The rows of a key view for one subject and period: one row per key, with the key's value
/// and its per-key aggregates.
package struct KeyTable: Sendable {
    /// What ``codes`` identify.
    package var domain: KeyDomain
    /// Each key's identity (see ``KeyDomain``).
    package var codes: [Int64]
    /// Each key's value (`key`): text for strings and references, a date, a number…
    package var keys: [QueryValue]
    /// The names of the per-key aggregates, in order.
    package var names: [String]
    /// Per aggregate (in the order of ``names``), one value per key; a null is `.missing`.
    package var columns: [[QueryValue]]

    /// Creates a table.
    package init(domain: KeyDomain, codes: [Int64], keys: [QueryValue], names: [String], columns: [[QueryValue]]) {
        self.domain = domain
        self.codes = codes
        self.keys = keys
        self.names = names
        self.columns = columns
    }

    /// The number of keys.
    package var count: Int { keys.count }

    /// The null of a key view's field: what a union gives a field the other side lacks.
    package static let null = QueryValue.missing("no value")

    /// A field's values by name (`key` or an aggregate's name); nil for an unknown name.
    package func values(of field: String) -> [QueryValue]? {
        if field == "key" { return keys }
        guard let index = names.firstIndex(of: field) else { return nil }
        return columns[index]
    }

    /// The rows at `indices`, in that order.
    package func selecting(_ indices: [Int]) -> KeyTable {
        KeyTable(
            domain: domain, codes: indices.map { codes[$0] }, keys: indices.map { keys[$0] }, names: names,
            columns: columns.map { column in indices.map { column[$0] } })
    }

    /// The text a key is matched by when two tables' codes do not share a domain.
    static func matchText(_ key: QueryValue) -> String {
        switch key {
        case .integer, .number, .decimal: "n:" + (key.doubleValue.map { String($0) } ?? key.description)
        case .date(let day): "d:\(day)"
        case .datetime(let seconds): "t:\(seconds)"
        case .boolean(let value): "b:\(value)"
        default: "s:" + key.description
        }
    }
}
