/// Opens the ``RecordSource`` of each source mapping of a workspace.
///
/// ``DataLoader`` asks its opener for the source of every mapping part; ``FileSourceOpener``
/// (the default) reads files. A module adding sources (SQLite, PostgreSQL) provides an opener
/// that serves the parts it recognises and hands the rest to a ``FileSourceOpener``.
public protocol RecordSourceOpener: Sendable {
    /// The source of one mapping part, positioned before its first row.
    ///
    /// - Throws: ``SourceError`` located in `part.displayPath` when the source cannot be opened
    ///   (missing, unreadable, undecodable, no header).
    func open(_ part: SourceMapping) throws(SourceError) -> any RecordSource
}
