import YardstickData

/// Receives the rows a ``PartitionSelector`` selects, each with its cell
/// (`period * subjects + subject`). Sinks are value types so each scan loop is specialised
/// for the sink it feeds.
protocol SelectionSink {
    mutating func take(row: Int, cell: Int)
}

/// Counts the rows of each cell.
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

/// Keeps the code or value of each selected row that has one (dictionary text, an
/// enumeration, days, 64-bit integers), with its cell.
struct CodeSink<Code: BinaryInteger>: SelectionSink {
    let codes: [Code]
    let validity: Validity?
    var cells: [Int32] = []
    var values: [Code] = []

    init(codes: [Code], validity: Validity?) {
        self.codes = codes
        self.validity = validity
    }

    @inline(__always)
    mutating func take(row: Int, cell: Int) {
        if let validity, !validity.isPresent(row) { return }
        cells.append(Int32(cell))
        values.append(codes[row])
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
