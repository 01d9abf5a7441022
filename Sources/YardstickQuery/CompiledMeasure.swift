import YardstickData
import YardstickLocalization

/// A measure bound to the columns it reads: per row, a typed value or nothing. A class, so the
/// per-row paths that hold one never copy its arrays.
final class CompiledMeasure {
    enum Kind {
        case integer([Int64])
        case decimal([Int64])
        case number([Double])
        case boolean([Bool])
        case date([Int32])
        case datetime([Int64])
        case text(codes: [Int32], dictionary: StringDictionary)
        case enumeration(codes: [Int8], names: [String])
        case duration(from: TemporalColumn, to: TemporalColumn, divisor: Double)
    }

    /// A date or datetime column read as seconds.
    struct TemporalColumn {
        let seconds: (Int) -> Int64
        let validity: Validity
    }

    let kind: Kind
    let validity: Validity?
    /// Maps a row of the queried entity to the row holding the value (through references).
    let hops: [[Int32]]

    init(kind: Kind, validity: Validity?, hops: [[Int32]]) {
        self.kind = kind
        self.validity = validity
        self.hops = hops
    }

    /// The row holding the value for `row`, or nil when a reference on the way is empty.
    @inline(__always)
    func target(_ row: Int) -> Int? {
        if !hops.isEmpty { return followHops(row) }
        if let validity, !validity.isPresent(row) { return nil }
        return row
    }

    private func followHops(_ row: Int) -> Int? {
        var current = row
        for hop in hops {
            let next = hop[current]
            if next < 0 { return nil }
            current = Int(next)
        }
        if let validity, !validity.isPresent(current) { return nil }
        return current
    }

    /// The value for a row as a double (numbers, decimals, durations, dates as days).
    func double(_ row: Int) -> Double? {
        guard let at = target(row) else { return nil }
        switch kind {
        case .integer(let values): return Double(values[at])
        case .decimal(let values): return Double(values[at]) / Double(ExactDecimal.unit)
        case .number(let values): return values[at]
        case .date(let values): return Double(values[at])
        case .datetime(let values): return Double(values[at])
        case .boolean(let values): return values[at] ? 1 : 0
        case .duration(let from, let to, let divisor):
            guard from.validity.isPresent(at), to.validity.isPresent(at) else { return nil }
            return Double(to.seconds(at) - from.seconds(at)) / divisor
        case .text, .enumeration: return nil
        }
    }

    /// For a duration, the whole seconds from one field to the other (nil when either is empty).
    @inline(__always)
    func durationSeconds(_ row: Int) -> Int64? {
        guard case .duration(let from, let to, _) = kind, from.validity.isPresent(row), to.validity.isPresent(row)
        else { return nil }
        return to.seconds(row) - from.seconds(row)
    }

    /// The boxed value for a row.
    func value(_ row: Int) -> QueryValue? {
        guard let at = target(row) else { return nil }
        switch kind {
        case .integer(let values): return .integer(values[at])
        case .decimal(let values): return .decimal(ExactDecimal(scaled: values[at]))
        case .number(let values): return .number(values[at])
        case .boolean(let values): return .boolean(values[at])
        case .date(let values): return .date(values[at])
        case .datetime(let values): return .datetime(values[at])
        case .text(let codes, let dictionary): return .text(dictionary[codes[at]])
        case .enumeration(let codes, let names): return .text(names[Int(codes[at])])
        case .duration: return double(row).map(QueryValue.number)
        }
    }

    /// Whether values are compared as numbers (rather than text).
    var isNumeric: Bool {
        switch kind {
        case .text, .enumeration: false
        default: true
        }
    }

    /// Binds a measure to a table's columns. An arithmetic measure is evaluated on every row once
    /// (``ExpressionColumn``), through `expressions` when given so that equal measures share it,
    /// and then reads as a stored column of its type.
    static func compile(
        _ measure: Measure, on table: Table, dataset: Dataset, expressions: ExpressionCache? = nil
    ) throws(QueryError) -> CompiledMeasure {
        switch measure {
        case .arithmetic:
            let column: ExpressionColumn
            if let expressions {
                column = try expressions.column(measure, on: table, dataset: dataset)
            } else {
                column = try ExpressionColumn.evaluate(measure, on: table, dataset: dataset)
            }
            switch column.values {
            case .integer(let values):
                return CompiledMeasure(kind: .integer(values), validity: column.validity, hops: [])
            case .decimal(let values):
                return CompiledMeasure(kind: .decimal(values), validity: column.validity, hops: [])
            case .number(let values): return CompiledMeasure(kind: .number(values), validity: column.validity, hops: [])
            }
        case .constant(let operand):
            throw QueryError(
                tr("a constant (%@) is not a measure: aggregates take a field or field(…) arithmetic", operand))
        case .field(let path):
            let (column, hops) = try resolve(path, on: table, dataset: dataset)
            return CompiledMeasure(kind: kind(of: column), validity: column.validity, hops: hops)
        case .duration(let from, let to, let hours):
            guard let fromColumn = table[from], let toColumn = table[to] else {
                let missing = table[from] == nil ? from : to
                throw QueryError(tr("%@ has no mapped field %@", table.entity.name, missing))
            }
            return CompiledMeasure(
                kind: .duration(
                    from: try temporal(fromColumn, table), to: try temporal(toColumn, table),
                    divisor: hours ? 3600 : 86_400),
                validity: nil, hops: [])
        }
    }

    /// Follows a dotted path through references to the column it names.
    static func resolve(_ path: FieldPath, on table: Table, dataset: Dataset) throws(QueryError)
        -> (Column, [[Int32]])
    {
        let (column, hops, _) = try resolveHolding(path, on: table, dataset: dataset)
        return (column, hops)
    }

    /// As ``resolve(_:on:dataset:)``, with the table holding the column (whose date indexes
    /// give a datetime's local days).
    static func resolveHolding(_ path: FieldPath, on table: Table, dataset: Dataset) throws(QueryError)
        -> (Column, [[Int32]], Table)
    {
        var current = table
        var hops: [[Int32]] = []
        for (index, name) in path.names.enumerated() {
            guard let column = current[name] else {
                let known = current.entity.fields.map(\.name).filter { current[$0] != nil }
                throw QueryError(
                    tr(
                        "%@ has no mapped field %@ (mapped: %@)", current.entity.name, name,
                        known.joined(separator: ", ")))
            }
            if index == path.names.count - 1 { return (column, hops, current) }
            guard let target = column.field.referencedEntity, let next = dataset[target] else {
                throw QueryError(tr("%@: %@ is not a reference to a loaded entity", path, name))
            }
            hops.append(column.referencedRows)
            current = next
        }
        throw QueryError(tr("empty field path"))
    }

    /// A field type with its article, for messages (`a date`, `text`, `an enum`).
    static func typeName(_ type: FieldType) -> String {
        switch type {
        case .string: "text"
        case .integer: "an integer"
        case .decimal: "a decimal"
        case .boolean: "a boolean"
        case .date: "a date"
        case .datetime: "a datetime"
        case .enumeration: "an enum"
        case .reference(let entity): "a reference to \(entity)"
        }
    }

    static func kind(of column: Column) -> Kind {
        switch column.storage {
        case .integer(let values): .integer(values)
        case .decimal(let values): .decimal(values)
        case .boolean(let values): .boolean(values)
        case .date(let values): .date(values)
        case .datetime(let values): .datetime(values)
        case .string(let codes), .reference(let codes): .text(codes: codes, dictionary: column.dictionary)
        case .enumeration(let codes):
            if case .enumeration(let names) = column.field.type {
                .enumeration(codes: codes, names: names)
            } else {
                .enumeration(codes: codes, names: [])
            }
        }
    }

    private static func temporal(_ column: Column, _ table: Table) throws(QueryError) -> TemporalColumn {
        switch column.storage {
        case .date(let days):
            return TemporalColumn(seconds: { Int64(days[$0]) * 86_400 }, validity: column.validity)
        case .datetime(let seconds):
            return TemporalColumn(seconds: { seconds[$0] }, validity: column.validity)
        default:
            throw QueryError(tr("%@.%@ is not a date; durations need two dates", table.entity.name, column.field.name))
        }
    }
}
