import YardstickData

/// Reads a key field of each row as an identity code: a reference as the row it names (so keys
/// of different entities that reference the same entity match), text and enumerations as their
/// codes, numbers, dates and booleans as themselves. Values are made from codes only when read
/// (``decoder``).
///
/// The codes sit in plain arrays beside a payload-free ``Coding``, so reading a row's code in a
/// key table's build copies no reference (no retain or release per row).
struct KeyExtractor {
    /// How a row's code is read.
    enum Coding {
        /// `smalls` holds the referencing column's codes, `targets` the rows they name.
        case reference
        /// `smalls` holds dictionary codes or day numbers.
        case small
        /// `tiny` holds enumeration positions.
        case enumeration
        /// `wides` holds integers, scaled decimals or epoch seconds.
        case wide
        /// `flags` holds booleans.
        case boolean
    }

    let coding: Coding
    private let smalls: [Int32]
    private let targets: [Int32]
    private let tiny: [Int8]
    private let wides: [Int64]
    private let flags: [Bool]
    let validity: Validity
    let hops: [[Int32]]
    /// The domain of the codes (a reference with unresolved values falls back to its column).
    let domain: KeyDomain
    /// The domain when a value does not resolve.
    let unresolvedDomain: KeyDomain
    /// What turns the codes back into key values.
    let decoder: KeyDecoder

    init(_ path: FieldPath, on table: Table, dataset: Dataset) throws(QueryError) {
        let (column, hops) = try CompiledMeasure.resolve(path, on: table, dataset: dataset)
        self.hops = hops
        validity = column.validity
        let columnDomain = KeyDomain.column("\(table.entity.name).\(path)")
        unresolvedDomain = columnDomain
        var smalls: [Int32] = []
        var targets: [Int32] = []
        var tiny: [Int8] = []
        var wides: [Int64] = []
        var flags: [Bool] = []
        let textDomain = column.dictionary.codesAreUnique ? columnDomain : .local
        switch column.storage {
        case .reference(let codes):
            smalls = codes
            if let target = column.field.referencedEntity, !column.referencedRows.isEmpty {
                coding = .reference
                targets = column.referencedRows
                domain = .rows(target)
                decoder = KeyDecoder(
                    kind: .reference(ids: dataset[target]?.columns["id"], dictionary: column.dictionary))
            } else {
                coding = .small
                domain = textDomain
                decoder = KeyDecoder(kind: .text(column.dictionary))
            }
        case .string(let codes):
            coding = .small
            smalls = codes
            domain = textDomain
            decoder = KeyDecoder(kind: .text(column.dictionary))
        case .enumeration(let codes):
            coding = .enumeration
            tiny = codes
            let names: [String]
            if case .enumeration(let values) = column.field.type { names = values } else { names = [] }
            domain = columnDomain
            decoder = KeyDecoder(kind: .enumeration(names))
        case .integer(let values):
            coding = .wide
            wides = values
            domain = .values("integer")
            decoder = KeyDecoder(kind: .integer)
        case .decimal(let values):
            coding = .wide
            wides = values
            domain = .values("decimal")
            decoder = KeyDecoder(kind: .decimal)
        case .boolean(let values):
            coding = .boolean
            flags = values
            domain = .values("boolean")
            decoder = KeyDecoder(kind: .boolean)
        case .date(let values):
            coding = .small
            smalls = values
            domain = .values("date")
            decoder = KeyDecoder(kind: .date)
        case .datetime(let values):
            coding = .wide
            wides = values
            domain = .values("datetime")
            decoder = KeyDecoder(kind: .datetime)
        }
        self.smalls = smalls
        self.targets = targets
        self.tiny = tiny
        self.wides = wides
        self.flags = flags
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

    /// The identity code of the key at `at` (a row from ``target(_:)``): in ``domain``, or for a
    /// reference that names no row its text code flagged with ``KeyDecoder/unresolvedFlag``
    /// (whose table is then in ``unresolvedDomain``).
    @inline(__always)
    func code(_ at: Int) -> Int64 {
        switch coding {
        case .reference:
            let target = targets[at]
            return target >= 0 ? Int64(target) : Int64(smalls[at]) | KeyDecoder.unresolvedFlag
        case .small: return Int64(smalls[at])
        case .enumeration: return Int64(tiny[at])
        case .wide: return wides[at]
        case .boolean: return flags[at] ? 1 : 0
        }
    }

    /// The key's value at `at`.
    func value(_ at: Int) -> QueryValue { decoder.value(code(at)) }

    /// Whether text codes may stand for the same text twice (then keys are matched by text).
    var needsTextIdentity: Bool {
        if case .local = domain { return true }
        return false
    }
}
