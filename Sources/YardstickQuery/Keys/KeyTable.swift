/// The rows of a key view for one subject and period: one row per key, with the key's identity
/// code and its per-key aggregates; the key's value (`key`) is decoded from its code only when
/// read (``KeyDecoder``), or held when the codes mean nothing outside the table.
package struct KeyTable: Sendable {
    /// What ``codes`` identify.
    package var domain: KeyDomain
    /// Each key's identity (see ``KeyDomain``).
    package var codes: [Int64]
    /// Where the key values come from.
    private var values: KeyValues
    /// The names of the per-key aggregates, in order.
    package var names: [String]
    /// Per aggregate (in the order of ``names``), one value per key; a null is `.missing`.
    package var columns: [[QueryValue]]

    /// Creates a table whose key values are held.
    package init(domain: KeyDomain, codes: [Int64], keys: [QueryValue], names: [String], columns: [[QueryValue]]) {
        self.domain = domain
        self.codes = codes
        self.values = .held(keys)
        self.names = names
        self.columns = columns
    }

    /// Creates a table whose key values are decoded from `codes` when read.
    init(domain: KeyDomain, codes: [Int64], decoder: KeyDecoder, names: [String], columns: [[QueryValue]]) {
        self.domain = domain
        self.codes = codes
        self.values = .decoded(decoder)
        self.names = names
        self.columns = columns
    }

    /// The number of keys.
    package var count: Int { codes.count }

    /// Each key's value (`key`): text for strings and references, a date, a number…
    package var keys: [QueryValue] {
        switch values {
        case .held(let keys): keys
        case .decoded(let decoder): codes.map(decoder.value)
        }
    }

    /// The value of the key at `index`.
    func key(at index: Int) -> QueryValue {
        switch values {
        case .held(let keys): keys[index]
        case .decoded(let decoder): decoder.value(codes[index])
        }
    }

    /// Adds a key with its code and value, its per-key fields null.
    mutating func appendKey(code: Int64, value: @autoclosure () -> QueryValue) {
        codes.append(code)
        if case .held(var keys) = values {
            values = .held([])
            keys.append(value())
            values = .held(keys)
        }
        for position in columns.indices { columns[position].append(KeyTable.null) }
    }

    /// The same keys with their values held, their codes renumbered as a table's own
    /// (`local`): what a union of two domains gives.
    func holdingKeys() -> KeyTable {
        KeyTable(domain: .local, codes: Array(0..<Int64(count)), keys: keys, names: names, columns: columns)
    }

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
        var result = self
        result.codes = indices.map { codes[$0] }
        if case .held(let keys) = values { result.values = .held(indices.map { keys[$0] }) }
        result.columns = columns.map { column in indices.map { column[$0] } }
        return result
    }

    /// A table's key values: held one per key, or decoded from the codes when read.
    private enum KeyValues: Sendable {
        case held([QueryValue])
        case decoded(KeyDecoder)
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
