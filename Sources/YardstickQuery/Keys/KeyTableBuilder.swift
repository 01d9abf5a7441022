import YardstickData

/// Builds the key table of a `per` node from rows: one hash pass assigns each row its key, then
/// each per-key aggregate is folded per key.
///
/// `count` and `min`/`max` of a date or datetime field are folded into plain arrays in the
/// same pass ("fast columns"); every other aggregate folds each key's rows with an
/// ``Accumulator``, exactly as a view's aggregate folds a subject's rows.
///
/// A builder is read-only once made: ``build(_:)`` folds into fresh accumulators
/// (``Accumulator/fresh()`` reads only the prototype's constants), so threads may build tables
/// with one builder side by side.
struct KeyTableBuilder: @unchecked Sendable {
    let key: KeyExtractor
    let columns: [KeyColumn]
    /// The columns' names, shared by every table built.
    private let names: [String]
    private let prototypes: [Accumulator]
    private let fast: [FastColumn?]
    let statistics: KeyStatistics

    /// A per-key aggregate folded into arrays indexed by key.
    private enum FastColumn {
        case count
        case dayExtreme(days: [Int32], validity: Validity, minimum: Bool)
        case instantExtreme(seconds: [Int64], validity: Validity, minimum: Bool)
        /// The exact sum of an integer or decimal field (scaled), as ``Accumulator`` sums it.
        case exactSum(values: [Int64], validity: Validity, decimal: Bool)
    }

    init(key path: FieldPath, columns: [KeyColumn], table: Table, dataset: Dataset, statistics: KeyStatistics)
        throws(QueryError)
    {
        key = try KeyExtractor(path, on: table, dataset: dataset)
        self.columns = columns
        names = columns.map(\.name)
        self.statistics = statistics
        var prototypes: [Accumulator] = []
        var fast: [FastColumn?] = []
        for column in columns {
            prototypes.append(try Accumulator(column.aggregate, table: table, dataset: dataset))
            fast.append(Self.fastColumn(column.aggregate, table))
        }
        self.prototypes = prototypes
        self.fast = fast
    }

    /// A builder whose one per-key field is the earliest local day of a date field, read from
    /// the field's local days (those a `during` or `before` on the field tests); no other field.
    init(
        key path: FieldPath, firstDaysOf field: String, days: [Int32], validity: Validity, named name: String,
        table: Table, dataset: Dataset, statistics: KeyStatistics
    ) throws(QueryError) {
        key = try KeyExtractor(path, on: table, dataset: dataset)
        columns = [KeyColumn(name: name, aggregate: .minimum(.field(FieldPath(field))))]
        names = [name]
        self.statistics = statistics
        prototypes = []
        fast = [.dayExtreme(days: days, validity: validity, minimum: true)]
    }

    private static func fastColumn(_ aggregate: Aggregate, _ table: Table) -> FastColumn? {
        let minimum: Bool
        let path: FieldPath
        switch aggregate {
        case .count: return .count
        case .sum(.field(let p)):
            guard p.names.count == 1, let column = table[p.names[0]] else { return nil }
            switch column.storage {
            case .integer(let values): return .exactSum(values: values, validity: column.validity, decimal: false)
            case .decimal(let values): return .exactSum(values: values, validity: column.validity, decimal: true)
            default: return nil
            }
        case .minimum(.field(let p)):
            minimum = true
            path = p
        case .maximum(.field(let p)):
            minimum = false
            path = p
        default: return nil
        }
        guard path.names.count == 1, let column = table[path.names[0]] else { return nil }
        switch column.storage {
        case .date(let days): return .dayExtreme(days: days, validity: column.validity, minimum: minimum)
        case .datetime(let seconds):
            return .instantExtreme(seconds: seconds, validity: column.validity, minimum: minimum)
        default: return nil
        }
    }

    /// Counts the columns of `tables` tables built in the statistics (fast and accumulator
    /// columns): builders of many tables count them once, not under the lock per table.
    func recordColumns(tables: Int) {
        let fastCount = fast.count { $0 != nil }
        statistics.record(fastColumns: fastCount * tables, accumulatorColumns: (columns.count - fastCount) * tables)
    }

    /// Tables of at most this many rows find their keys by scanning, without a hash index.
    static let scannedRows = 8

    /// The key table of `rows` (in row order). Its columns are counted by the caller
    /// (``recordColumns(tables:)``).
    func build(_ rows: ArraySlice<Int32>) -> KeyTable {
        let byText = key.needsTextIdentity
        // A table of a few rows (one customer's purchase days) finds its keys by a scan of the
        // codes so far: no index to allocate.
        var index = rows.count <= Self.scannedRows ? nil : KeyCodeIndex(expected: min(rows.count, 1 << 16))
        var texts: [String: Int64] = [:]
        var codes: [Int64] = []
        var keys: [QueryValue] = []
        var rowKeys: [Int32] = []
        var keyedRows: [Int32] = []
        rowKeys.reserveCapacity(rows.count)
        keyedRows.reserveCapacity(rows.count)
        var unresolved = false
        for row in rows {
            guard let at = key.target(Int(row)) else { continue }
            var code = key.code(at)
            if key.coding == .reference, code & KeyDecoder.unresolvedFlag != 0 { unresolved = true }
            if byText {
                let text = key.value(at).description
                if let known = texts[text] {
                    code = known
                } else {
                    code = Int64(texts.count)
                    texts[text] = code
                }
            }
            let (slot, inserted) =
                index?.insert(code, at: Int32(codes.count))
                ?? (codes.firstIndex(of: code).map { (Int32($0), false) } ?? (Int32(codes.count), true))
            if inserted {
                codes.append(code)
                if byText { keys.append(key.value(at)) }
            }
            rowKeys.append(slot)
            keyedRows.append(row)
        }
        let keyCount = codes.count
        var values: [[QueryValue]] = []
        var buckets: (offsets: [Int], values: [Int32])?
        for position in columns.indices {
            if let fastColumn = fast[position] {
                values.append(Self.fold(fastColumn, keyedRows, rowKeys, keyCount))
                continue
            }
            if buckets == nil { buckets = Bucketing.bucket(keyedRows, by: rowKeys, bucketCount: keyCount) }
            let (offsets, ordered) = buckets!
            let prototype = prototypes[position]
            var folded: [QueryValue] = []
            folded.reserveCapacity(keyCount)
            for slot in 0..<keyCount {
                let accumulator = prototype.fresh()
                for row in ordered[offsets[slot]..<offsets[slot + 1]] { accumulator.add(Int(row)) }
                folded.append(Self.null(accumulator.result()))
            }
            values.append(folded)
        }
        if byText { return KeyTable(domain: .local, codes: codes, keys: keys, names: names, columns: values) }
        return KeyTable(
            domain: unresolved ? key.unresolvedDomain : key.domain, codes: codes, decoder: key.decoder, names: names,
            columns: values)
    }

    /// A per-key value as a key-view field: a missing value is the field's null.
    private static func null(_ value: QueryValue) -> QueryValue {
        if case .missing = value { return KeyTable.null }
        return value
    }

    private static func fold(_ column: FastColumn, _ rows: [Int32], _ keys: [Int32], _ keyCount: Int) -> [QueryValue] {
        switch column {
        case .count:
            var counts = [Int64](repeating: 0, count: keyCount)
            for key in keys { counts[Int(key)] += 1 }
            return counts.map { .integer($0) }
        case .dayExtreme(let days, let validity, let minimum):
            var best = [Int32](repeating: minimum ? .max : .min, count: keyCount)
            var seen = [Bool](repeating: false, count: keyCount)
            for (row, key) in zip(rows, keys) where validity.isPresent(Int(row)) {
                let day = days[Int(row)]
                let slot = Int(key)
                if !seen[slot] || (minimum ? day < best[slot] : day > best[slot]) { best[slot] = day }
                seen[slot] = true
            }
            return (0..<keyCount).map { seen[$0] ? .date(best[$0]) : KeyTable.null }
        case .instantExtreme(let seconds, let validity, let minimum):
            var best = [Int64](repeating: minimum ? .max : .min, count: keyCount)
            var seen = [Bool](repeating: false, count: keyCount)
            for (row, key) in zip(rows, keys) where validity.isPresent(Int(row)) {
                let value = seconds[Int(row)]
                let slot = Int(key)
                if !seen[slot] || (minimum ? value < best[slot] : value > best[slot]) { best[slot] = value }
                seen[slot] = true
            }
            return (0..<keyCount).map { seen[$0] ? .datetime(best[$0]) : KeyTable.null }
        case .exactSum(let values, let validity, let decimal):
            // A null adds nothing (a key whose values are all null sums to 0); an overflow is
            // the sum's missing value, which a key view's field holds as its null.
            var sums = [Int64](repeating: 0, count: keyCount)
            var overflowed = [Bool](repeating: false, count: keyCount)
            for (row, key) in zip(rows, keys) where validity.isPresent(Int(row)) {
                let slot = Int(key)
                let (sum, overflow) = sums[slot].addingReportingOverflow(values[Int(row)])
                sums[slot] = sum
                if overflow { overflowed[slot] = true }
            }
            return (0..<keyCount).map { slot in
                if overflowed[slot] { return KeyTable.null }
                return decimal ? .decimal(ExactDecimal(scaled: sums[slot])) : .integer(sums[slot])
            }
        }
    }
}
