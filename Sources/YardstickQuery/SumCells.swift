import YardstickData

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
