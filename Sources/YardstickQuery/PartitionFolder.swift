import YardstickData

/// Folds the rows a ``PartitionSelector`` selects into one aggregate value per cell
/// (`period * subjects + subject`), so that every value equals the value
/// ``QueryEngine/run(_:in:)`` gives for that subject and period alone.
///
/// Counts, sums and averages of plain columns and durations, and distinct counts of coded text,
/// are folded while the rows are scanned, in arrays indexed by cell; every other aggregate
/// keeps the selected rows, ordered by cell, and folds each cell with an ``Accumulator``.
struct PartitionFolder {
    let prepared: QueryEngine.PreparedAggregate

    /// The values per cell, and the number of periods the cells cover (1 when the selection is
    /// the same in every period).
    func fold(_ selector: PartitionSelector, periods: [PeriodDays], subjectCount: Int) -> (
        [QueryValue], periodCount: Int
    ) {
        let cellCount = max(1, periods.count) * subjectCount
        let prototype = prepared.prototype
        if prepared.groupKey == nil {
            switch prototype.aggregate {
            case .count:
                var sink = CountSink(counts: Array(repeating: 0, count: cellCount))
                let periodCount = selector.select(periods, subjectCount: subjectCount, into: &sink)
                return (sink.counts.prefix(periodCount * subjectCount).map { .integer(Int64($0)) }, periodCount)
            case .sum, .average:
                if let measure = prototype.measure, measure.hops.isEmpty {
                    var sums = SumCells(count: cellCount)
                    let periodCount: Int
                    switch measure.kind {
                    case .integer(let values), .decimal(let values):
                        var sink = ExactSumSink(values: values, validity: measure.validity, cells: sums)
                        periodCount = selector.select(periods, subjectCount: subjectCount, into: &sink)
                        sums = sink.cells
                    case .duration:
                        var sink = DurationSumSink(measure: measure, cells: sums)
                        periodCount = selector.select(periods, subjectCount: subjectCount, into: &sink)
                        sums = sink.cells
                    default:
                        var sink = DoubleSumSink(measure: measure, cells: sums)
                        periodCount = selector.select(periods, subjectCount: subjectCount, into: &sink)
                        sums = sink.cells
                    }
                    return (sums.values(prototype, cells: periodCount * subjectCount), periodCount)
                }
            case .countDistinct:
                if let measure = prototype.measure, measure.hops.isEmpty {
                    switch measure.kind {
                    case .text(let codes, let dictionary) where dictionary.codesAreUnique:
                        var sink = CodeSink(codes: codes, validity: measure.validity)
                        let periodCount = selector.select(periods, subjectCount: subjectCount, into: &sink)
                        let counts = DistinctCounter.counts(
                            cells: sink.cells, codes: sink.values, cellCount: periodCount * subjectCount,
                            codeCount: dictionary.count)
                        return (counts.map { .integer($0) }, periodCount)
                    case .enumeration(let codes, _):
                        var sink = CodeSink(codes: codes, validity: measure.validity)
                        let periodCount = selector.select(periods, subjectCount: subjectCount, into: &sink)
                        let counts = DistinctCounter.counts(
                            cells: sink.cells, codes: sink.values, cellCount: periodCount * subjectCount, codeCount: 128
                        )
                        return (counts.map { .integer($0) }, periodCount)
                    default:
                        break
                    }
                }
            default:
                break
            }
        }
        var sink = RowListSink()
        let periodCount = selector.select(periods, subjectCount: subjectCount, into: &sink)
        let cells = periodCount * subjectCount
        let (offsets, rows) = Bucketing.bucket(sink.rows, by: sink.cells, bucketCount: cells)
        let empty = QueryEngine.fold(EmptyCollection<Int>(), prepared)
        let values: [QueryValue] = (0..<cells).map { cell in
            let range = offsets[cell]..<offsets[cell + 1]
            return range.isEmpty ? empty : QueryEngine.fold(rows[range].lazy.map { Int($0) }, prepared)
        }
        return (values, periodCount)
    }
}

/// Counts, sums and overflow flags per cell, made into values by the aggregate's
/// ``Accumulator`` so that empty cells, overflow and averages read as they do elsewhere.
struct SumCells {
    var counts: [Int]
    var integerSums: [Int64]
    var overflows: [Bool]
    var doubleSums: [Double]

    init(count: Int) {
        counts = Array(repeating: 0, count: count)
        integerSums = Array(repeating: 0, count: count)
        overflows = Array(repeating: false, count: count)
        doubleSums = Array(repeating: 0, count: count)
    }

    @inline(__always)
    mutating func addExact(_ value: Int64, cell: Int) {
        let (sum, overflow) = integerSums[cell].addingReportingOverflow(value)
        integerSums[cell] = sum
        if overflow { overflows[cell] = true }
        counts[cell] += 1
    }

    func values(_ prototype: Accumulator, cells: Int) -> [QueryValue] {
        let accumulator = prototype.fresh()
        return (0..<cells).map { cell in
            accumulator.load(
                count: counts[cell], integerSum: integerSums[cell], overflow: overflows[cell],
                doubleSum: doubleSums[cell])
            return accumulator.result()
        }
    }
}

struct CountSink: SelectionSink {
    var counts: [Int]

    @inline(__always)
    mutating func take(row: Int, cell: Int) { counts[cell] += 1 }
}

/// Sums an integer or decimal column (scaled integers) exactly.
struct ExactSumSink: SelectionSink {
    let values: [Int64]
    let validity: Validity?
    var cells: SumCells

    @inline(__always)
    mutating func take(row: Int, cell: Int) {
        if let validity, !validity.isPresent(row) { return }
        cells.addExact(values[row], cell: cell)
    }
}

/// Sums durations in whole seconds, exactly.
struct DurationSumSink: SelectionSink {
    let measure: CompiledMeasure
    var cells: SumCells

    @inline(__always)
    mutating func take(row: Int, cell: Int) {
        guard let seconds = measure.durationSeconds(row) else { return }
        cells.addExact(seconds, cell: cell)
    }
}

/// Sums any other numeric measure as doubles.
struct DoubleSumSink: SelectionSink {
    let measure: CompiledMeasure
    var cells: SumCells

    @inline(__always)
    mutating func take(row: Int, cell: Int) {
        guard let value = measure.double(row) else { return }
        cells.doubleSums[cell] += value
        cells.counts[cell] += 1
    }
}

/// Keeps the code of each selected row (dictionary text or enumeration), with its cell.
struct CodeSink<Code: BinaryInteger>: SelectionSink {
    let codes: [Code]
    let validity: Validity?
    var cells: [Int32] = []
    var values: [Int32] = []

    init(codes: [Code], validity: Validity?) {
        self.codes = codes
        self.validity = validity
    }

    @inline(__always)
    mutating func take(row: Int, cell: Int) {
        if let validity, !validity.isPresent(row) { return }
        cells.append(Int32(cell))
        values.append(Int32(truncatingIfNeeded: codes[row]))
    }
}

/// Keeps the selected rows with their cells.
struct RowListSink: SelectionSink {
    var rows: [Int32] = []
    var cells: [Int32] = []

    @inline(__always)
    mutating func take(row: Int, cell: Int) {
        rows.append(Int32(row))
        cells.append(Int32(cell))
    }
}

/// Stable counting sorts by small integer keys.
enum Bucketing {
    /// The values ordered by key (each key keeps the values' order), with
    /// `offsets[k]..<offsets[k + 1]` the values of key `k`.
    static func bucket(_ values: [Int32], by keys: [Int32], bucketCount: Int) -> (offsets: [Int], values: [Int32]) {
        var offsets = [Int](repeating: 0, count: bucketCount + 1)
        for key in keys { offsets[Int(key) + 1] += 1 }
        for index in 0..<bucketCount { offsets[index + 1] += offsets[index] }
        var next = offsets
        var ordered = [Int32](repeating: 0, count: values.count)
        for (value, key) in zip(values, keys) {
            ordered[next[Int(key)]] = value
            next[Int(key)] += 1
        }
        return (offsets, ordered)
    }
}

/// Distinct codes per cell: codes are bucketed by cell, then a code counts when first stamped
/// with its cell.
enum DistinctCounter {
    static func counts(cells: [Int32], codes: [Int32], cellCount: Int, codeCount: Int) -> [Int64] {
        let (offsets, ordered) = Bucketing.bucket(codes, by: cells, bucketCount: cellCount)
        var stamps = [Int32](repeating: -1, count: codeCount)
        var counts = [Int64](repeating: 0, count: cellCount)
        for cell in 0..<cellCount {
            let stamp = Int32(cell)
            var distinct: Int64 = 0
            for code in ordered[offsets[cell]..<offsets[cell + 1]] {
                let value = Int(code)
                guard value >= 0, value < codeCount else { continue }
                if stamps[value] != stamp {
                    stamps[value] = stamp
                    distinct += 1
                }
            }
            counts[cell] = distinct
        }
        return counts
    }
}
