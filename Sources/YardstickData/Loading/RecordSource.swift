import Foundation
import YardstickLocalization

/// Where the records of one source mapping come from: a header and rows of cells.
///
/// The loader (``DataLoader``) maps, types, filters and checks the rows of any source in the
/// same way: which column feeds which field, value maps, defaults, null words, `drop`/`keep`
/// filters, `distinct`, rejects, and located errors (``SourceError`` with the mapping's file,
/// the row's ``RecordRow/number``, the column and the field). A source only reads.
///
/// CSV files, JSON and NDJSON files and aligned text files are the built-in sources (opened by
/// ``FileSourceOpener``). Another module can add a source (a database table, say) by
/// conforming to this protocol and serving it from a ``RecordSourceOpener``; its driver then
/// stays in that module.
///
/// The contract:
/// - ``header`` names the columns, in order; cells are addressed by position in it. Names are
///   matched to fields ignoring case and surrounding spaces; two columns may not share a name.
/// - ``forEachRow(into:)`` hands every row, in order, to the consumer, each lent for the call
///   only; it may be called once per source value.
/// - A problem with the source as a whole (unreadable, undecodable, a broken record
///   structure) is thrown as ``SourceError`` whose `file` is the mapping's display name;
///   problems with single values are the loader's to find.
public protocol RecordSource: SendableMetatype {
    /// The column names, in order.
    var header: [String] { get }

    /// A guess of the number of rows, to size column buffers (0 when unknown).
    var estimatedRowCount: Int { get }

    /// The text encoding the source was read with, for reports; nil when it has none (a
    /// database).
    var encoding: TextEncoding? { get }

    /// Whether a cell may hold a NUL byte; when true, every row's cells are checked for one
    /// (a NUL is rejected with its row, column and value).
    var mayContainNUL: Bool { get }

    /// The rows cut into up to `count` independent runs, read in parallel and appended in
    /// order; `[self]` when the source cannot be cut.
    func segments(_ count: Int) -> [Self]

    /// Whether a rejected row is also named by its `id` (``SourceError/key``): true for a
    /// database, whose row ordinals say little to a reader; false for a file, whose line does.
    var namesRowsByKey: Bool { get }

    /// Hands each row, in order, to `consumer`.
    ///
    /// - Throws: ``SourceError`` when the source cannot be read to its end; the rows consumed
    ///   before stay consumed.
    func forEachRow<Consumer: RecordConsumer>(into consumer: inout Consumer) throws(SourceError)
}

extension RecordSource {
    /// Not known: buffers grow as rows come.
    public var estimatedRowCount: Int { 0 }

    /// No text encoding.
    public var encoding: TextEncoding? { nil }

    /// Cells are checked for NUL bytes.
    public var mayContainNUL: Bool { true }

    /// The source as one run.
    public func segments(_ count: Int) -> [Self] { [self] }

    /// Rows are named by their number alone.
    public var namesRowsByKey: Bool { false }

    /// The index of a column, matching names case-insensitively and ignoring surrounding spaces.
    func columnIndex(of name: String) -> Int? {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        return header.firstIndex { $0.lowercased() == wanted }
    }

    /// The first header name given to two columns (ignoring case and surrounding spaces;
    /// unnamed columns may repeat), with both 0-based positions.
    func duplicateColumn() -> (name: String, first: Int, second: Int)? {
        var seen: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard !key.isEmpty else { continue }
            if let first = seen[key] { return (name, first, index) }
            seen[key] = index
        }
        return nil
    }

    /// The problem of a header no source may have (a NUL byte in a name, a name given twice),
    /// located in `file`; nil when the header is fine.
    func headerProblem(file: String) -> SourceError? {
        if let column = header.firstIndex(where: { $0.utf8.contains(0) }) {
            return SourceError(
                file: file, row: 1,
                message:
                    tr(
                        "a NUL byte in the header, in column %@ (\"%@\")", column + 1,
                        DisplayText.example(header[column])))
        }
        if let duplicate = duplicateColumn() {
            return SourceError(
                file: file, row: 1, column: duplicate.name,
                message:
                    tr(
                        "the header names column \"%@\" twice (columns %@ and %@); rename one",
                        DisplayText.example(duplicate.name), duplicate.first + 1, duplicate.second + 1))
        }
        return nil
    }
}
