import Foundation
import PostgresNIO
import YardstickData
import YardstickLocalization

/// Opens the parts of a workspace's mappings that read a PostgreSQL database
/// (`kind = "postgres"`, with `table` or `query`), and hands every other part to the next
/// opener.
///
/// ```swift
/// let opener = PostgresSourceOpener(workspace: workspace, next: SQLiteSourceOpener())
/// let (dataset, report) = try DataLoader(workspace: workspace, opener: opener).load()
/// ```
///
/// Opening a part connects to the server (the password from the environment variable named by
/// the source's `password_env`), reads the columns of the table or of the query's result, checks
/// the mapping against them (every named column exists, no column's type contradicts its
/// field's) and plans the read: a table part selects only the columns the
/// mapping reads and, with a ``PostgresPeriodWindow`` for its entity, only the rows of that
/// window. The rows are read when the loader asks, streamed in binary over a connection of
/// their own (`COPY … TO STDOUT (FORMAT binary)` on a plain connection, postgres-nio's
/// extended query over TLS). Every value then goes through the loader's typing, value maps, filters and checks
/// as a CSV cell would.
public struct PostgresSourceOpener: RecordSourceOpener {
    /// The workspace whose parts are opened (its `[sources]` say how to connect).
    public let workspace: Workspace
    /// The environment the password is read from.
    public let environment: [String: String]
    /// The date ranges to push into table reads, at most one per entity.
    public let windows: [PostgresPeriodWindow]
    /// Where every read is recorded, if anywhere.
    public let statistics: PostgresLoadStatistics?
    /// The opener of every part that is not a PostgreSQL source's.
    public let next: any RecordSourceOpener
    /// The fewest pages (8 KiB each) a table needs to be read in ranges on several connections
    /// when the loader reads in parallel.
    package var minimumSegmentPages = PostgresRecordSource.defaultMinimumSegmentPages
    /// How rows travel: binary COPY on a plain connection unless told to use postgres-nio's
    /// extended query always (tests compare the two).
    package var transfer = PostgresTransferPreference.automatic

    /// Creates an opener.
    ///
    /// - Parameters:
    ///   - workspace: The workspace.
    ///   - environment: The environment holding the passwords (the process's by default).
    ///   - windows: Date ranges to push into the SQL (see ``PostgresPeriodWindow`` for when
    ///     they are safe); none by default, so every row is read.
    ///   - statistics: Where to record each read's statement and row count.
    ///   - next: The opener of the other parts.
    public init(
        workspace: Workspace, environment: [String: String] = ProcessInfo.processInfo.environment,
        windows: [PostgresPeriodWindow] = [], statistics: PostgresLoadStatistics? = nil,
        next: any RecordSourceOpener = FileSourceOpener()
    ) {
        self.workspace = workspace
        self.environment = environment
        self.windows = windows
        self.statistics = statistics
        self.next = next
    }

    /// Opens a part: its table or query when it reads a PostgreSQL source, else through ``next``.
    ///
    /// - Throws: `SourceError` located in the part (`crm:deals`) naming the workspace file, the
    ///   source and the entity: the password variable is unset, the server cannot be reached or
    ///   refuses the login, the database, table or a mapped column does not exist, a column's
    ///   type contradicts its field's, or the query fails.
    public func open(_ part: SourceMapping) throws(SourceError) -> any RecordSource {
        guard let source = workspace.sources[part.sourceName], source.kind == .postgres,
            let server = source.server, let relation = part.database
        else { return try next.open(part) }
        let entity = workspace.entities.first { mapping in mapping.parts.contains { $0.key == part.key } }?.entity
        let origin =
            tr("(yardstick.toml, sources.%@: %@; entity %@)", source.name, server.displayURL, entity?.name ?? part.key)
        func fail(_ problem: PostgresSourceProblem) -> SourceError {
            problem.sourceError(file: part.displayPath, origin: origin)
        }
        var password: String?
        if let variable = server.passwordVariable {
            guard let value = environment[variable] else { throw fail(.passwordVariableUnset(variable: variable)) }
            password = value
        }
        let connector = PostgresConnector(server: server, password: password)
        let description: (columns: [PostgresReadPlan.Column], rows: Int, pages: Int)
        do {
            description = try Blocking.run { try await Self.describe(relation, with: connector) }
        } catch {
            throw fail(PostgresSourceProblem.classify(error))
        }
        let columns = description.columns
        let byName = Dictionary(
            columns.map { (PostgresReadPlan.normalized($0.name), $0) }, uniquingKeysWith: { first, _ in first })
        var needed = Set<String>()
        var explicit = Set<String>()
        for mapping in part.fields {
            let names: [String]
            switch mapping.origin {
            case .column(let name): names = [name.isEmpty ? mapping.field.name : name]
            case .columns(let list, _): names = list
            case .constant: names = []
            }
            explicit.insert(mapping.field.name)
            for name in names {
                guard let column = byName[PostgresReadPlan.normalized(name)] else {
                    throw fail(.unknownColumn(column: name, field: mapping.field.name, available: columns.map(\.name)))
                }
                needed.insert(PostgresReadPlan.normalized(name))
                if names.count == 1, let problem = Self.mismatch(column, field: mapping.field) { throw fail(problem) }
            }
        }
        if part.matchesColumnsByName, let entity {
            for field in entity.fields where !explicit.contains(field.name) {
                guard let column = byName[PostgresReadPlan.normalized(field.name)] else { continue }
                needed.insert(PostgresReadPlan.normalized(field.name))
                if let problem = Self.mismatch(column, field: field) { throw fail(problem) }
            }
        }
        for filter in part.rowFilters {
            guard byName[PostgresReadPlan.normalized(filter.column)] != nil else {
                throw fail(.unknownColumn(column: filter.column, field: nil, available: columns.map(\.name)))
            }
            needed.insert(PostgresReadPlan.normalized(filter.column))
        }
        let plan = PostgresReadPlan.make(
            relation, columns: columns, needed: needed, window: window(for: part, entity: entity?.name, byName),
            timeZone: workspace.timeZone.identifier)
        var reader = PostgresRecordSource(
            connector: connector, plan: plan, file: part.displayPath, origin: origin,
            decimalSeparator: part.formats.decimalSeparator, estimatedRowCount: description.rows,
            statistics: statistics)
        reader.pages = description.pages
        reader.minimumSegmentPages = minimumSegmentPages
        reader.transfer = transfer
        return reader
    }

    /// The window of `entity` with its column, when this part allows one: a table part whose
    /// window field is mapped to a single date or timestamp column.
    private func window(
        for part: SourceMapping, entity: String?, _ columns: [String: PostgresReadPlan.Column]
    ) -> (window: PostgresPeriodWindow, column: PostgresReadPlan.Column)? {
        guard case .table = part.database, let entity,
            let window = windows.first(where: { $0.entity == entity })
        else { return nil }
        let name: String
        switch part.fields.first(where: { $0.field.name == window.field })?.origin {
        case .column(let column)?: name = column.isEmpty ? window.field : column
        case nil where part.matchesColumnsByName: name = window.field
        default: return nil
        }
        guard let column = columns[PostgresReadPlan.normalized(name)], PostgresReadPlan.isTemporal(column.type)
        else { return nil }
        return (window, column)
    }

    /// The columns of `relation` and the planner's row estimate of a table.
    private static func describe(
        _ relation: DatabaseRelation, with connector: PostgresConnector
    ) async throws -> (columns: [PostgresReadPlan.Column], rows: Int, pages: Int) {
        try await connector.withConnection { connection in
            var estimate = 0
            var pages = 0
            if case .table(let table) = relation {
                var binds = PostgresBindings()
                binds.append(PostgresReadPlan.quoteTable(table))
                let found = try await connection.query(
                    PostgresQuery(
                        unsafeSQL:
                            "SELECT to_regclass($1) IS NOT NULL, "
                            + "coalesce((SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass($1)), 0), "
                            + "coalesce((SELECT relpages::bigint FROM pg_class WHERE oid = to_regclass($1) "
                            + "AND relkind IN ('r', 'm')), 0)",
                        binds: binds),
                    logger: PostgresConnector.logger)
                for try await (exists, rows, tablePages) in found.decode((Bool, Int64, Int64).self) {
                    guard exists else {
                        throw PostgresSourceProblem.unknownTable(
                            table: table, reason: tr("looked up as %@", PostgresReadPlan.quoteTable(table)))
                    }
                    estimate = Int(max(rows, 0))
                    pages = Int(max(tablePages, 0))
                }
            }
            let result = try await connection.query(
                PostgresQuery(unsafeSQL: PostgresReadPlan.describing(relation)), logger: PostgresConnector.logger)
            let columns = result.columns.map { PostgresReadPlan.Column(name: $0.name, type: $0.dataType) }
            for try await _ in result {}
            return (columns, estimate, pages)
        }
    }

    /// The problem of reading `field` from a column of this type, or nil when the loader can
    /// read the column's text as the field's type (text columns always can be tried).
    static func mismatch(_ column: PostgresReadPlan.Column, field: FieldDefinition) -> PostgresSourceProblem? {
        let type = column.type
        let numeric: Set<PostgresDataType> = [.int2, .int4, .int8, .numeric, .float4, .float8]
        let temporal: Set<PostgresDataType> = [.date, .timestamp, .timestamptz]
        let fits: Bool
        switch field.type {
        case .integer, .decimal: fits = !temporal.contains(type) && type != .bool
        case .boolean: fits = !temporal.contains(type) && ![.numeric, .float4, .float8].contains(type)
        case .date, .datetime: fits = !numeric.contains(type) && type != .bool
        case .string, .enumeration, .reference: fits = true
        }
        guard !fits else { return nil }
        return .typeMismatch(
            column: column.name, databaseType: type.knownSQLName ?? "type \(type.rawValue)", field: field.name,
            fieldType: field.type.name)
    }
}
