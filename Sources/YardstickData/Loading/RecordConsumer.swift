/// What a ``RecordSource`` hands its rows to: the loader's typing, mapping and checks.
///
/// The row type is a generic parameter of ``consume(_:)`` rather than an associated type of the
/// source, so that a source may lend noncopyable rows (``CSVRecord``) and the loader's loop is
/// specialised for each concrete source and row type.
public protocol RecordConsumer {
    /// Takes one row; called once per row, in source order.
    mutating func consume<Row: RecordRow & ~Copyable>(_ row: borrowing Row)
}
