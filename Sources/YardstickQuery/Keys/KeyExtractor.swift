import YardstickData

/// Reads a key field of each row as an identity code and a value: a reference as the row it
/// names (so keys of different entities that reference the same entity match), text and
/// enumerations as their codes, numbers, dates and booleans as themselves.
struct KeyExtractor {
    enum Kind {
        case reference(codes: [Int32], targets: [Int32], dictionary: StringDictionary)
        case text(codes: [Int32], dictionary: StringDictionary)
        case enumeration(codes: [Int8], names: [String])
        case integer([Int64])
        case decimal([Int64])
        case number([Double])
        case boolean([Bool])
        case date([Int32])
        case datetime([Int64])
    }

    let kind: Kind
    let validity: Validity
    let hops: [[Int32]]
    /// The domain of the codes (a reference with unresolved values falls back to its column).
    let domain: KeyDomain
    /// The domain when a value does not resolve.
    let unresolvedDomain: KeyDomain

    init(_ path: FieldPath, on table: Table, dataset: Dataset) throws(QueryError) {
        let (column, hops) = try CompiledMeasure.resolve(path, on: table, dataset: dataset)
        self.hops = hops
        validity = column.validity
        let columnDomain = KeyDomain.column("\(table.entity.name).\(path)")
        unresolvedDomain = columnDomain
        switch column.storage {
        case .reference(let codes):
            let local = column.dictionary.codesAreUnique ? columnDomain : .local
            if let target = column.field.referencedEntity, !column.referencedRows.isEmpty {
                kind = .reference(codes: codes, targets: column.referencedRows, dictionary: column.dictionary)
                domain = .rows(target)
            } else {
                kind = .text(codes: codes, dictionary: column.dictionary)
                domain = local
            }
        case .string(let codes):
            kind = .text(codes: codes, dictionary: column.dictionary)
            domain = column.dictionary.codesAreUnique ? columnDomain : .local
        case .enumeration(let codes):
            if case .enumeration(let names) = column.field.type {
                kind = .enumeration(codes: codes, names: names)
            } else {
                kind = .enumeration(codes: codes, names: [])
            }
            domain = columnDomain
        case .integer(let values):
            kind = .integer(values)
            domain = .values("integer")
        case .decimal(let values):
            kind = .decimal(values)
            domain = .values("decimal")
        case .boolean(let values):
            kind = .boolean(values)
            domain = .values("boolean")
        case .date(let values):
            kind = .date(values)
            domain = .values("date")
        case .datetime(let values):
            kind = .datetime(values)
            domain = .values("datetime")
        }
    }

    /// The row holding the key for `row`, or nil when the key is null (or a reference on the
    /// way is empty).
    @inline(__always)
    func target(_ row: Int) -> Int? {
        var current = row
        for hop in hops {
            let next = hop[current]
            if next < 0 { return nil }
            current = Int(next)
        }
        return validity.isPresent(current) ? current : nil
    }

    /// The identity code of the key at `at` (a row from ``target(_:)``), and whether it stayed in
    /// ``domain`` (false for a reference that names no row: coded by its text code instead).
    @inline(__always)
    func code(_ at: Int) -> (Int64, resolved: Bool) {
        switch kind {
        case .reference(let codes, let targets, _):
            let target = targets[at]
            return target >= 0 ? (Int64(target), true) : (Int64(codes[at]), false)
        case .text(let codes, _): return (Int64(codes[at]), true)
        case .enumeration(let codes, _): return (Int64(codes[at]), true)
        case .integer(let values), .decimal(let values), .datetime(let values): return (values[at], true)
        case .number(let values): return (Int64(bitPattern: values[at].bitPattern), true)
        case .boolean(let values): return (values[at] ? 1 : 0, true)
        case .date(let values): return (Int64(values[at]), true)
        }
    }

    /// The key's value at `at`.
    func value(_ at: Int) -> QueryValue {
        switch kind {
        case .reference(let codes, _, let dictionary), .text(let codes, let dictionary): .text(dictionary[codes[at]])
        case .enumeration(let codes, let names):
            .text(Int(codes[at]) < names.count ? names[Int(codes[at])] : String(codes[at]))
        case .integer(let values): .integer(values[at])
        case .decimal(let values): .decimal(ExactDecimal(scaled: values[at]))
        case .number(let values): .number(values[at])
        case .boolean(let values): .boolean(values[at])
        case .date(let values): .date(values[at])
        case .datetime(let values): .datetime(values[at])
        }
    }

    /// Whether text codes may stand for the same text twice (then keys are matched by text).
    var needsTextIdentity: Bool {
        if case .local = domain { return true }
        return false
    }
}
