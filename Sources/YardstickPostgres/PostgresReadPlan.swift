import Foundation
import PostgresNIO
import YardstickData

/// The statement that reads one mapping part, and how its result's columns are decoded.
///
/// Made from the columns the table (or the query's result) has, the columns the mapping uses,
/// and the period window when one applies:
/// - **Columns.** A `table` part selects only the columns the mapping reads (named by its
///   fields, matched by name when `match_columns` is on, or used by `drop`/`keep`), in the
///   table's order; a `query` part runs the user's statement, wrapped only when a column needs
///   a cast.
/// - **Casts.** Types the reader decodes (``PostgresRowDecoder/Kind``) are read in binary as
///   they are; `real` and `double precision` are cast to `numeric` (15 significant digits),
///   `timestamp with time zone` to the wall time of the workspace's time zone, and every other
///   type to `text`.
/// - **Window.** A ``PostgresPeriodWindow`` on a `table` part whose field is mapped to a date
///   or timestamp column becomes a `WHERE` clause.
struct PostgresReadPlan: Sendable, Equatable {
    /// A column of a table or result: its name and type.
    struct Column: Sendable, Equatable {
        /// The name.
        var name: String
        /// The type's OID.
        var type: PostgresDataType
    }

    /// The statement.
    var sql: String
    /// The result's column names, in order (the source's header).
    var columns: [String]
    /// How each result column is decoded.
    var kinds: [PostgresRowDecoder.Kind]
    /// Whether a window was pushed into the statement.
    var windowed: Bool
    /// For a table read, the statement without its `WHERE` clause and the clause's terms, so
    /// that a range of the table's pages can be added (``sql(pages:until:)``); nil for a query.
    var table: (select: String, relation: String, terms: [String])?

    static func == (left: PostgresReadPlan, right: PostgresReadPlan) -> Bool {
        left.sql == right.sql && left.columns == right.columns && left.kinds == right.kinds
            && left.windowed == right.windowed
    }

    /// The statement reading only the rows stored in the table's pages `pages` (a TID range
    /// scan: `ctid >= '(first,0)' AND ctid < '(end,0)'`, the upper bound left out when
    /// `pages.upperBound` is nil), in the order a sequential scan reads them; nil for a query.
    func sql(pages first: Int, until end: Int?) -> String? {
        guard let table else { return nil }
        var terms = table.terms
        if first > 0 { terms.append("ctid >= '(\(first),0)'::tid") }
        if let end { terms.append("ctid < '(\(end),0)'::tid") }
        return terms.isEmpty ? table.select : table.select + " WHERE " + terms.joined(separator: " AND ")
    }

    /// The statement counting the rows stored before page `page` (that ``sql(pages:until:)``
    /// from 0 would read), for the row numbers of a later range; nil for a query.
    func countSQL(before page: Int) -> String? {
        guard let table else { return nil }
        let terms = table.terms + ["ctid < '(\(page),0)'::tid"]
        return "SELECT count(*) FROM \(table.relation) WHERE " + terms.joined(separator: " AND ")
    }

    /// `name` as a quoted identifier.
    static func quote(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A table name as written in the workspace (`deals`, `sales.deals`) as quoted SQL: each
    /// dot-separated part quoted, so its case is kept; a name that holds a double quote is
    /// taken as SQL already quoted.
    static func quoteTable(_ name: String) -> String {
        if name.contains("\"") { return name }
        return name.split(separator: ".", omittingEmptySubsequences: false).map { quote(String($0)) }
            .joined(separator: ".")
    }

    /// `text` as a SQL string literal.
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A query as a subquery, in parentheses: without the trailing semicolons a statement may
    /// end with, and with the closing parenthesis on a line of its own, so that a query ending
    /// in a `--` comment does not comment it out.
    static func subquery(_ query: String) -> String {
        var text = Substring(query)
        while let last = text.last, last == ";" || last.isWhitespace { text = text.dropLast() }
        return "(" + text + "\n)"
    }

    /// The statement that reads no row of `relation` but describes its columns.
    static func describing(_ relation: DatabaseRelation) -> String {
        switch relation {
        case .table(let table): "SELECT * FROM \(quoteTable(table)) WHERE false"
        case .query(let query): "SELECT * FROM \(subquery(query)) AS yardstick_query WHERE false"
        }
    }

    /// The select-list entry reading `column`, cast where the reader needs it.
    static func expression(_ column: Column, timeZone: String) -> (sql: String, kind: PostgresRowDecoder.Kind) {
        let name = quote(column.name)
        if let kind = PostgresRowDecoder.Kind(column.type) { return (name, kind) }
        switch column.type {
        case .float4, .float8: return ("\(name)::numeric AS \(name)", .numeric)
        case .timestamptz: return ("timezone(\(literal(timeZone)), \(name)) AS \(name)", .timestamp)
        default: return ("\(name)::text AS \(name)", .text)
        }
    }

    /// The plan reading `relation`.
    ///
    /// - Parameters:
    ///   - columns: The relation's columns (from ``describing(_:)``).
    ///   - needed: The lower-cased, trimmed names of the columns the mapping reads; only a
    ///     table part is cut to them.
    ///   - window: The window and the column of its field, already checked to be a date or
    ///     timestamp column of a table part.
    ///   - timeZone: The workspace's time zone identifier.
    static func make(
        _ relation: DatabaseRelation, columns: [Column], needed: Set<String>,
        window: (window: PostgresPeriodWindow, column: Column)?, timeZone: String
    ) -> PostgresReadPlan {
        switch relation {
        case .table(let table):
            var kept = columns.filter { needed.contains(normalized($0.name)) }
            // A mapping of constants reads no column, but its rows still count (`distinct`).
            if kept.isEmpty, let first = columns.first { kept = [first] }
            let parts = kept.map { expression($0, timeZone: timeZone) }
            let select = "SELECT \(parts.map(\.sql).joined(separator: ", ")) FROM \(quoteTable(table))"
            var sql = select
            var terms: [String] = []
            if let window {
                terms = predicate(window.window, column: window.column, timeZone: timeZone)
                if !terms.isEmpty { sql += " WHERE " + terms.joined(separator: " AND ") }
            }
            return PostgresReadPlan(
                sql: sql, columns: kept.map(\.name), kinds: parts.map(\.kind), windowed: window != nil,
                table: (select, quoteTable(table), terms))
        case .query(let query):
            let parts = columns.map { expression($0, timeZone: timeZone) }
            let needsCast = zip(parts, columns).contains { $0.sql != quote($1.name) }
            let sql =
                needsCast
                ? "SELECT \(parts.map(\.sql).joined(separator: ", ")) FROM \(subquery(query)) AS yardstick_query"
                : query
            return PostgresReadPlan(
                sql: sql, columns: columns.map(\.name), kinds: parts.map(\.kind), windowed: false, table: nil)
        }
    }

    /// The `WHERE` terms of a window on a date, timestamp or timestamptz column.
    static func predicate(_ window: PostgresPeriodWindow, column: Column, timeZone: String) -> [String] {
        let name = quote(column.name)
        func bound(_ day: Int32) -> String {
            let text = CivilDate.isoString(ofDay: day)
            switch column.type {
            case .date: return "DATE '\(text)'"
            case .timestamp: return "TIMESTAMP '\(text) 00:00:00'"
            default: return "(TIMESTAMP '\(text) 00:00:00' AT TIME ZONE \(literal(timeZone)))"
            }
        }
        var terms: [String] = []
        if let from = window.from { terms.append("\(name) >= \(bound(from))") }
        if let until = window.until { terms.append("\(name) < \(bound(until))") }
        return terms
    }

    /// Whether a column of this type can carry a window.
    static func isTemporal(_ type: PostgresDataType) -> Bool {
        type == .date || type == .timestamp || type == .timestamptz
    }

    /// A name as the loader matches it: trimmed and lower-cased.
    static func normalized(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
