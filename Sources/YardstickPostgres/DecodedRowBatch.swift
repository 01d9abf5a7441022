import YardstickData

/// Many result rows already decoded to the text of CSV cells, in two buffers reused from batch
/// to batch: the cells' bytes one after another, and for each cell its start and length.
///
/// Filled on the reading thread by ``PostgresRowDecoder`` and read on the loader's
/// thread, one thread at a time (``RowBatchChannel`` hands it over); a batch goes back to the
/// channel's free list once read, so a read allocates a few batches in all, not a row or a cell
/// at a time.
final class DecodedRowBatch: @unchecked Sendable {
    /// Result columns per row.
    let width: Int
    /// The most rows a batch holds.
    let rowCapacity: Int
    /// The bytes after which a batch counts as full, whatever its row count.
    static let byteLimit = 1 << 20

    /// The cells' text.
    private(set) var bytes: UnsafeMutableRawPointer
    /// The capacity of ``bytes``.
    private(set) var byteCapacity: Int
    /// For each cell of each row, its start in ``bytes`` and its length.
    let spans: UnsafeMutablePointer<Int>
    /// The bytes written.
    var used = 0
    /// The rows written.
    var rows = 0

    /// Creates an empty batch of up to `rowCapacity` rows of `width` cells.
    init(width: Int, rowCapacity: Int) {
        self.width = width
        self.rowCapacity = rowCapacity
        byteCapacity = Self.byteLimit + max(4096, width * 64)
        bytes = UnsafeMutableRawPointer.allocate(byteCount: byteCapacity, alignment: 8)
        let spanCount = max(2 * width * rowCapacity, 2)
        spans = UnsafeMutablePointer<Int>.allocate(capacity: spanCount)
        spans.initialize(repeating: 0, count: spanCount)
    }

    deinit {
        bytes.deallocate()
        spans.deallocate()
    }

    /// Whether no further row should be added.
    var isFull: Bool { rows == rowCapacity || used >= Self.byteLimit }

    /// Empties the batch for reuse.
    func reset() {
        used = 0
        rows = 0
    }

    /// Grows ``bytes`` to hold at least `needed` bytes, keeping what is written; returns the
    /// new base address.
    func grow(to needed: Int) -> UnsafeMutableRawPointer {
        var newCapacity = byteCapacity
        while newCapacity < needed { newCapacity *= 2 }
        let larger = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 8)
        larger.copyMemory(from: bytes, byteCount: used)
        bytes.deallocate()
        bytes = larger
        byteCapacity = newCapacity
        return larger
    }

    /// Row `index` (0-based) lent as a record row numbered `number`.
    @inline(__always)
    func row(_ index: Int, number: Int) -> PostgresRecordRow {
        PostgresRecordRow(number: number, count: width, bytes: bytes, spans: spans + 2 * width * index)
    }
}

/// One decoded result row, lent to the loader while its batch holds the text.
struct PostgresRecordRow: RecordRow, ~Copyable {
    /// The row's 1-based ordinal in the result.
    let number: Int
    /// The number of result columns.
    let count: Int
    /// The batch's text.
    let bytes: UnsafeMutableRawPointer
    /// The row's cell spans in the batch.
    let spans: UnsafeMutablePointer<Int>

    @inline(__always)
    func cell(_ index: Int) -> UnsafeRawBufferPointer {
        guard index < count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: bytes + spans[2 * index], count: spans[2 * index + 1])
    }
}
