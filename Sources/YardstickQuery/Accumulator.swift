import YardstickData
import YardstickLocalization

/// Folds selected rows into one aggregate value.
///
/// Empty sets: `count` and `count_distinct` give 0, `sum` gives the exact zero of the measure's
/// type, `distinct` and `top` an empty list; every other aggregate is missing ("no rows").
/// Money stays exact: sums of decimal fields are integer sums of scaled values.
final class Accumulator {
    let aggregate: Aggregate
    let measure: CompiledMeasure?
    private let orderBy: CompiledMeasure?
    private var count = 0
    private var integerSum: Int64 = 0
    private var doubleSum: Double = 0
    private var overflow = false
    private var doubles: [Double] = []
    private var best: (order: Double, row: Int)?
    private var extreme: QueryValue?
    private var extremeOrder: Double = 0
    private var seenIntegers = Set<Int64>()
    private var seenTexts = Set<String>()
    private var seenCodes = Set<Int32>()

    init(_ aggregate: Aggregate, table: Table, dataset: Dataset, expressions: ExpressionCache? = nil)
        throws(QueryError)
    {
        self.aggregate = aggregate
        switch aggregate {
        case .count:
            measure = nil
            orderBy = nil
        case .sum(let m), .average(let m), .minimum(let m), .maximum(let m), .median(let m),
            .percentile(let m, _), .countDistinct(let m), .distinct(let m), .top(_, let m):
            measure = try CompiledMeasure.compile(m, on: table, dataset: dataset, expressions: expressions)
            orderBy = nil
        case .first(let m, let by), .last(let m, let by):
            measure = try CompiledMeasure.compile(m, on: table, dataset: dataset, expressions: expressions)
            orderBy = try CompiledMeasure.compile(by, on: table, dataset: dataset, expressions: expressions)
        }
        if let measure, !measure.isNumeric {
            switch aggregate {
            case .sum, .average, .median, .percentile, .top:
                throw QueryError(tr("%@ needs a numeric field or a duration", aggregate))
            default: break
            }
        }
    }

    private init(_ aggregate: Aggregate, measure: CompiledMeasure?, orderBy: CompiledMeasure?) {
        self.aggregate = aggregate
        self.measure = measure
        self.orderBy = orderBy
    }

    /// A new, empty accumulator for the same aggregate (one per group of `group_by`).
    func fresh() -> Accumulator {
        Accumulator(aggregate, measure: measure, orderBy: orderBy)
    }

    /// Sets the state of a count, sum or average folded elsewhere (``PartitionFolder``), so its
    /// value is made by ``result()`` like any other.
    func load(count: Int, integerSum: Int64, overflow: Bool, doubleSum: Double) {
        self.count = count
        self.integerSum = integerSum
        self.overflow = overflow
        self.doubleSum = doubleSum
    }

    /// Folds one row into the state.
    func add(_ row: Int) {
        switch aggregate {
        case .count:
            count += 1
        case .sum, .average:
            addToSum(row)
        case .median, .percentile:
            guard let value = measure?.double(row) else { return }
            doubles.append(value)
        case .minimum, .maximum:
            addToExtreme(row)
        case .countDistinct, .distinct:
            addToDistinct(row)
        case .first, .last:
            addToOrdered(row)
        case .top:
            guard let value = measure?.double(row) else { return }
            doubles.append(value)
            topRows.append(Int32(row))
        }
    }

    /// `sum` and `avg`: exact for integers, decimals and durations, as doubles otherwise.
    @inline(__always)
    private func addToSum(_ row: Int) {
        guard let measure, measure.target(row) != nil else { return }
        switch measure.kind {
        case .integer(let values), .decimal(let values):
            guard let at = measure.target(row) else { return }
            let (sum, didOverflow) = integerSum.addingReportingOverflow(values[at])
            integerSum = sum
            overflow = overflow || didOverflow
        case .duration:
            // Whole seconds, summed exactly: the value does not depend on the row order.
            guard let seconds = measure.durationSeconds(row) else { return }
            let (sum, didOverflow) = integerSum.addingReportingOverflow(seconds)
            integerSum = sum
            overflow = overflow || didOverflow
        default:
            guard let value = measure.double(row) else { return }
            doubleSum += value
        }
        count += 1
    }

    /// `min` and `max`: numbers by value, anything else by its text.
    @inline(__always)
    private func addToExtreme(_ row: Int) {
        guard let measure, let value = measure.value(row) else { return }
        let order = measure.double(row) ?? 0
        if let current = extreme {
            let better: Bool
            if measure.isNumeric {
                better = aggregateIsMinimum ? order < extremeOrder : order > extremeOrder
            } else {
                better =
                    aggregateIsMinimum
                    ? value.description < current.description : value.description > current.description
            }
            if !better { return }
        }
        extreme = value
        extremeOrder = order
    }

    /// `count_distinct` and `distinct`: codes, integers, or text.
    @inline(__always)
    private func addToDistinct(_ row: Int) {
        guard let measure, let at = measure.target(row) else { return }
        switch measure.kind {
        case .text(let codes, let dictionary) where dictionary.codesAreUnique:
            seenCodes.insert(codes[at])
        case .enumeration(let codes, _):
            seenCodes.insert(Int32(codes[at]))
        case .integer(let values), .decimal(let values), .datetime(let values):
            seenIntegers.insert(values[at])
        case .date(let values):
            seenIntegers.insert(Int64(values[at]))
        default:
            if let value = measure.value(row) { seenTexts.insert(value.description) }
        }
    }

    /// `first` and `last` by the order field.
    @inline(__always)
    private func addToOrdered(_ row: Int) {
        guard measure?.target(row) != nil, let order = orderBy?.double(row) else { return }
        if let current = best {
            // Ties go to the earliest row, whatever order the rows arrive in.
            if order == current.order {
                if row >= current.row { return }
            } else {
                let isFirst: Bool
                if case .first = aggregate { isFirst = true } else { isFirst = false }
                if isFirst ? order > current.order : order < current.order { return }
            }
        }
        best = (order, row)
    }

    private var topRows: [Int32] = []

    private var aggregateIsMinimum: Bool {
        if case .minimum = aggregate { return true }
        return false
    }

    func result() -> QueryValue {
        switch aggregate {
        case .count:
            return .integer(Int64(count))
        case .sum:
            return sumValue()
        case .average:
            guard count > 0 else { return .missing("no rows") }
            guard let sum = sumValue().doubleValue else { return sumValue() }
            return .number(sum / Double(count))
        case .median:
            return percentile(50)
        case .percentile(_, let p):
            return percentile(p)
        case .minimum, .maximum:
            return extreme ?? .missing("no rows")
        case .countDistinct:
            return .integer(Int64(seenCodes.count + seenIntegers.count + seenTexts.count))
        case .distinct:
            return .list(distinctValues())
        case .first, .last:
            guard let best, let value = measure?.value(best.row) else { return .missing("no rows") }
            return value
        case .top(let n, _):
            let order = topRows.indices.sorted {
                doubles[$0] > doubles[$1] || (doubles[$0] == doubles[$1] && topRows[$0] < topRows[$1])
            }
            return .rows(order.prefix(max(0, n)).map { topRows[$0] })
        }
    }

    private func sumValue() -> QueryValue {
        guard let measure else { return .integer(0) }
        if overflow { return .missing("sum overflows 64 bits") }
        switch measure.kind {
        case .integer: return .integer(integerSum)
        case .decimal: return .decimal(ExactDecimal(scaled: integerSum))
        case .duration(_, _, let divisor): return .number(Double(integerSum) / divisor)
        default: return .number(doubleSum)
        }
    }

    /// Linear interpolation between closest ranks (numpy's default).
    private func percentile(_ p: Double) -> QueryValue {
        guard !doubles.isEmpty else { return .missing("no rows") }
        guard (0...100).contains(p) else { return .missing("percentile \(p) is outside 0…100") }
        let sorted = doubles.sorted()
        let position = p / 100 * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return .number(sorted[lower] + (sorted[upper] - sorted[lower]) * fraction)
    }

    private func distinctValues() -> [QueryValue] {
        guard let measure else { return [] }
        var values: [QueryValue] = []
        switch measure.kind {
        case .text(_, let dictionary) where dictionary.codesAreUnique:
            values = seenCodes.map { .text(dictionary[$0]) }
        case .enumeration(_, let names):
            values = seenCodes.map { .text(names[Int($0)]) }
        case .integer: values = seenIntegers.map { .integer($0) }
        case .decimal: values = seenIntegers.map { .decimal(ExactDecimal(scaled: $0)) }
        case .datetime: values = seenIntegers.map { .datetime($0) }
        case .date: values = seenIntegers.map { .date(Int32($0)) }
        default: values = seenTexts.map { .text($0) }
        }
        return values.sorted { ($0.doubleValue ?? 0, $0.description) < ($1.doubleValue ?? 0, $1.description) }
    }
}
