import YardstickData
import YardstickLocalization

/// Folds the rows of a key table into a key query's aggregate, with a view's rules: nulls are
/// skipped; an empty set gives 0 for `count`, `count_distinct` and `sum`, an empty list for
/// `distinct` and missing ("no keys") for the others.
enum KeyFold {
    /// Checks that an aggregate can run over key rows with `fields`; the error names the call.
    static func check(_ aggregate: Aggregate, fields: [String]) throws(QueryError) {
        switch aggregate {
        case .count: return
        case .sum(let m), .average(let m), .minimum(let m), .maximum(let m), .median(let m), .percentile(let m, _),
            .countDistinct(let m), .distinct(let m):
            guard case .field(let path) = m else {
                throw QueryError(tr("%@: a key view's aggregates take one of its fields, not a duration", aggregate))
            }
            guard fields.contains(path.description) else {
                throw QueryError(tr("a key view has no field %@ (fields: %@)", path, fields.joined(separator: ", ")))
            }
        case .first(let m, let by), .last(let m, let by):
            for measure in [m, by] {
                guard case .field(let path) = measure else {
                    throw QueryError(tr("%@: a key view's aggregates take its fields, not a duration", aggregate))
                }
                guard fields.contains(path.description) else {
                    throw QueryError(
                        tr("a key view has no field %@ (fields: %@)", path, fields.joined(separator: ", ")))
                }
            }
        case .top:
            throw QueryError(
                tr(
                    "%@ is not available on a key view (use count, sum, avg, min, max, median, percentile, count_distinct, distinct, first or last)",
                    aggregate))
        }
    }

    /// The aggregate's value over `table`.
    static func fold(_ aggregate: Aggregate, _ table: KeyTable) throws(QueryError) -> QueryValue {
        switch aggregate {
        case .first(.field(let field), by: .field(let by)): return try pick(field, by: by, first: true, table)
        case .last(.field(let field), by: .field(let by)): return try pick(field, by: by, first: false, table)
        default: break
        }
        guard let measure = measure(of: aggregate) else { return .integer(Int64(table.count)) }
        guard let all = table.values(of: measure) else { throw QueryError(tr("a key view has no field %@", measure)) }
        let values = all.filter {
            if case .missing = $0 { return false }
            return true
        }
        switch aggregate {
        case .sum: return try sum(values, measure)
        case .average:
            guard !values.isEmpty else { return .missing("no keys") }
            guard let total = try sum(values, measure).doubleValue else { return .missing("no keys") }
            return .number(total / Double(values.count))
        case .minimum, .maximum:
            let isMinimum: Bool
            if case .minimum = aggregate { isMinimum = true } else { isMinimum = false }
            var best: QueryValue?
            for value in values {
                guard let current = best else {
                    best = value
                    continue
                }
                let order = try compare(value, current, measure)
                if isMinimum ? order < 0 : order > 0 { best = value }
            }
            return best ?? .missing("no keys")
        case .median: return try percentile(values, 50, measure)
        case .percentile(_, let p): return try percentile(values, p, measure)
        case .countDistinct: return .integer(Int64(Set(values.map(KeyTable.matchText)).count))
        case .distinct:
            var seen = Set<String>()
            let unique = values.filter { seen.insert(KeyTable.matchText($0)).inserted }
            return .list(
                unique.sorted { ($0.doubleValue ?? 0, $0.description) < ($1.doubleValue ?? 0, $1.description) })
        case .count, .first, .last, .top: return .integer(Int64(table.count))
        }
    }

    private static func measure(of aggregate: Aggregate) -> String? {
        switch aggregate {
        case .sum(.field(let p)), .average(.field(let p)), .minimum(.field(let p)), .maximum(.field(let p)),
            .median(.field(let p)), .percentile(.field(let p), _), .countDistinct(.field(let p)),
            .distinct(.field(let p)):
            p.description
        default: nil
        }
    }

    /// `first(field, by)` / `last(field, by)`: `field` of the key row with the smallest (the
    /// largest) `by`, the earliest key row on a tie; rows without a `by` are skipped; missing
    /// ("no keys") when no row has one.
    private static func pick(_ field: FieldPath, by: FieldPath, first: Bool, _ table: KeyTable) throws(QueryError)
        -> QueryValue
    {
        guard let values = table.values(of: field.description) else {
            throw QueryError(tr("a key view has no field %@", field))
        }
        guard let order = table.values(of: by.description) else {
            throw QueryError(tr("a key view has no field %@", by))
        }
        var best: Int?
        for (row, value) in order.enumerated() {
            if case .missing = value { continue }
            guard let current = best else {
                best = row
                continue
            }
            let sign = try compare(value, order[current], by.description)
            if first ? sign < 0 : sign > 0 { best = row }
        }
        guard let best else { return .missing("no keys") }
        return values[best]
    }

    /// Integers sum exactly to an integer, decimals to a decimal, anything numeric else to a
    /// number; an empty sum is the integer 0.
    private static func sum(_ values: [QueryValue], _ field: String) throws(QueryError) -> QueryValue {
        var integer: Int64 = 0
        var sawDecimal = false
        var sawInteger = false
        var sawNumber = false
        for value in values {
            switch value {
            case .integer(let n):
                sawInteger = true
                let (sum, overflow) = integer.addingReportingOverflow(n)
                if overflow { return .missing("sum overflows 64 bits") }
                integer = sum
            case .decimal(let d):
                sawDecimal = true
                let (sum, overflow) = integer.addingReportingOverflow(d.scaled)
                if overflow { return .missing("sum overflows 64 bits") }
                integer = sum
            case .number:
                sawNumber = true
            default:
                throw QueryError(tr("sum(%@): %@ is not a number (it is %@)", field, field, value))
            }
        }
        if sawNumber || (sawDecimal && sawInteger) {
            return .number(values.reduce(0.0) { $0 + ($1.doubleValue ?? 0) })
        }
        return sawDecimal ? .decimal(ExactDecimal(scaled: integer)) : .integer(integer)
    }

    private static func compare(_ a: QueryValue, _ b: QueryValue, _ field: @autoclosure () -> String)
        throws(QueryError) -> Int
    {
        func sign<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x > y ? 1 : 0) }
        switch (a, b) {
        case (.text(let x), .text(let y)): return sign(x, y)
        case (.date(let x), .date(let y)): return sign(x, y)
        case (.datetime(let x), .datetime(let y)): return sign(x, y)
        case (.decimal(let x), .decimal(let y)): return sign(x.scaled, y.scaled)
        default:
            guard let x = a.doubleValue, let y = b.doubleValue else {
                throw QueryError(tr("min/max(%@): cannot order %@ and %@", field(), a, b))
            }
            return sign(x, y)
        }
    }

    /// Linear interpolation between closest ranks, as a view's `percentile`.
    private static func percentile(_ values: [QueryValue], _ p: Double, _ field: String) throws(QueryError)
        -> QueryValue
    {
        var numbers: [Double] = []
        numbers.reserveCapacity(values.count)
        for value in values {
            guard let number = value.doubleValue else {
                throw QueryError(tr("median/percentile(%@): %@ is not a number (it is %@)", field, field, value))
            }
            numbers.append(number)
        }
        guard !numbers.isEmpty else { return .missing("no keys") }
        guard (0...100).contains(p) else { return .missing("percentile \(p) is outside 0…100") }
        numbers.sort()
        let position = p / 100 * Double(numbers.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, numbers.count - 1)
        return .number(numbers[lower] + (numbers[upper] - numbers[lower]) * (position - Double(lower)))
    }
}
