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
        if prepared.groupKey == nil, let folded = foldWhileScanning(selector, periods, subjectCount) {
            return folded
        }
        return foldRowLists(selector, periods, subjectCount)
    }

    /// Counts, sums and averages of plain columns and durations, and distinct counts of coded
    /// text, dates and integers, folded in arrays indexed by cell while the rows are scanned;
    /// nil for the other aggregates.
    func foldWhileScanning(_ selector: PartitionSelector, _ periods: [PeriodDays], _ subjectCount: Int)
        -> ([QueryValue], periodCount: Int)?
    {
        let cellCount = max(1, periods.count) * subjectCount
        let prototype = prepared.prototype
        switch prototype.aggregate {
        case .count:
            var sink = CountSink(counts: Array(repeating: 0, count: cellCount))
            let periodCount = selector.select(periods, subjectCount: subjectCount, into: &sink)
            return (sink.counts.prefix(periodCount * subjectCount).map { .integer(Int64($0)) }, periodCount)
        case .sum, .average:
            guard let measure = prototype.measure, measure.hops.isEmpty else { return nil }
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
        case .countDistinct:
            guard let measure = prototype.measure, measure.hops.isEmpty else { return nil }
            return foldDistinctCodes(measure, selector, periods, subjectCount)
        default:
            return nil
        }
    }

    /// Distinct counts of a coded measure (unique dictionary codes or an enumeration) per cell;
    /// nil for other measures.
    private func foldDistinctCodes(
        _ measure: CompiledMeasure, _ selector: PartitionSelector, _ periods: [PeriodDays], _ subjectCount: Int
    ) -> ([QueryValue], periodCount: Int)? {
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
                cells: sink.cells, codes: sink.values.map(Int32.init), cellCount: periodCount * subjectCount,
                codeCount: 128)
            return (counts.map { .integer($0) }, periodCount)
        case .date(let days):
            var sink = CodeSink(codes: days, validity: measure.validity)
            let periodCount = selector.select(periods, subjectCount: subjectCount, into: &sink)
            return distinctSpan(sink.cells, sink.values.lazy.map(Int64.init), periodCount * subjectCount)
                .map { ($0, periodCount) }
        case .integer(let values), .decimal(let values), .datetime(let values):
            var sink = CodeSink(codes: values, validity: measure.validity)
            let periodCount = selector.select(periods, subjectCount: subjectCount, into: &sink)
            return distinctSpan(sink.cells, sink.values, periodCount * subjectCount).map { ($0, periodCount) }
        default:
            return nil
        }
    }

    /// Distinct counts per cell of integer values (days, scaled decimals, seconds) whose span is
    /// small enough to count them as codes from the smallest; nil when it is not (the caller
    /// then folds row lists).
    private func distinctSpan(_ cells: [Int32], _ values: some Collection<Int64>, _ cellCount: Int) -> [QueryValue]? {
        guard let low = values.min(), let high = values.max() else {
            return Array(repeating: .integer(0), count: cellCount)
        }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        guard !overflow, span < Int64(max(1 << 16, 4 * values.count)) else { return nil }
        let codes = values.map { Int32(truncatingIfNeeded: $0 &- low) }
        let counts = DistinctCounter.counts(cells: cells, codes: codes, cellCount: cellCount, codeCount: Int(span) + 1)
        return counts.map { .integer($0) }
    }

    /// Any aggregate: the selected rows, ordered by cell, each cell folded with an
    /// ``Accumulator``.
    func foldRowLists(_ selector: PartitionSelector, _ periods: [PeriodDays], _ subjectCount: Int) -> (
        [QueryValue], periodCount: Int
    ) {
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
