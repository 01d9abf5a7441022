/// One row of a ``RecordSource``: its cells as bytes, and its number for messages.
///
/// A row is lent to a ``RecordConsumer`` for the duration of one call and may be
/// noncopyable (a CSV record points into the reader's buffers); its cells are valid only
/// during that call.
public protocol RecordRow: ~Copyable {
    /// The row's number as messages show it (``SourceError/row``): the line on which a file's
    /// record starts (the header is line 1), a JSON record's position, a database row's ordinal.
    var number: Int { get }

    /// The number of cells in the row; a row whose count differs from the header's is
    /// rejected.
    var count: Int { get }

    /// The bytes of cell `index` as written in the source (UTF-8 text; empty for an empty or
    /// null cell, and for an index past ``count``).
    func cell(_ index: Int) -> UnsafeRawBufferPointer
}

extension CSVRecord: RecordRow {
    /// The line of the file on which the record starts.
    public var number: Int { line }

    /// The bytes of field `index`.
    @inline(__always)
    public func cell(_ index: Int) -> UnsafeRawBufferPointer { field(index) }
}
