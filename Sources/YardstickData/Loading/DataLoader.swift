import Foundation

/// Loads a workspace's sources into typed, indexed tables.
///
/// Entities load in parallel; each source mapping is read once, straight from bytes, and every
/// value is parsed to its field's type. Afterwards references are resolved to rows and the
/// reference and date indexes are built.
///
/// ```swift
/// let workspace = try Workspace.open(directory: "examples/maven-sales")
/// let (dataset, report) = try DataLoader(workspace: workspace).load()
/// ```
public struct DataLoader: Sendable {
    /// The workspace to load.
    public let workspace: Workspace
    /// How strictly to load.
    public let options: LoadOptions

    /// Creates a loader.
    public init(workspace: Workspace, options: LoadOptions = LoadOptions()) {
        self.workspace = workspace
        self.options = options
    }

    /// Loads every mapped entity.
    ///
    /// - Returns: The tables and what loading found. In lenient mode bad rows are left out
    ///   and listed in the report.
    /// - Throws: ``LoadFailure`` in strict mode when any row was rejected or a file could not
    ///   be read.
    public func load() throws(LoadFailure) -> (dataset: Dataset, report: LoadReport) {
        let mappings = workspace.entities
        let results = ResultSlots<(Table, EntityLoadReport)>(count: mappings.count)
        // Big files first, so the longest load starts at once.
        let order = mappings.indices.sorted { estimatedBytes(mappings[$0]) > estimatedBytes(mappings[$1]) }
        let work: @Sendable (Int) -> Void = { slot in
            let index = order[slot]
            results.set(index, loadEntity(mappings[index]))
        }
        if options.parallel {
            DispatchQueue.concurrentPerform(iterations: order.count, execute: work)
        } else {
            for slot in order.indices { work(slot) }
        }
        var tables: [String: Table] = [:]
        var report = LoadReport()
        for (table, entityReport) in results.values {
            tables[table.entity.name] = table
            report.entities[table.entity.name] = entityReport
        }
        if !options.lenient && report.hasProblems { throw LoadFailure(report: report) }
        var dataset = Dataset(tables: tables, timeZone: workspace.timeZone)
        ReferenceResolver.resolve(&dataset, parallel: options.parallel)
        return (dataset, report)
    }

    private func estimatedBytes(_ mapping: EntityMapping) -> Int {
        mapping.parts.reduce(0) { total, part in
            let size = (try? FileManager.default.attributesOfItem(atPath: part.path)[.size]) as? Int
            return total + (size ?? 0)
        }
    }

    /// Loads one entity from all its source mappings.
    func loadEntity(_ mapping: EntityMapping) -> (Table, EntityLoadReport) {
        let entity = mapping.entity
        var report = EntityLoadReport(entity: entity.name)
        let clock = ZoneClock(timeZone: workspace.timeZone)
        var builders: [String: ColumnBuilder] = [:]
        var files: [(SourceMapping, FileContents)] = []
        for part in mapping.parts {
            do {
                files.append((part, try FileContents.read(part)))
            } catch {
                report.fileErrors.append(error)
            }
        }
        // A field gets a column when any file feeds it.
        for (part, contents) in files {
            for field in entity.fields where builders[field.name] == nil {
                if part.fields.contains(where: { $0.field.name == field.name })
                    || (part.matchesColumnsByName && contents.columnIndex(of: field.name) != nil)
                {
                    builders[field.name] = ColumnBuilder(
                        field: field, expectedRows: contents.estimatedRows)
                }
            }
        }
        for (part, contents) in files {
            load(part, contents, entity: entity, builders: builders, clock: clock, report: &report)
        }
        var columns: [String: Column] = [:]
        for (name, builder) in builders { columns[name] = builder.build() }
        let rowCount = builders.values.first?.count ?? 0
        return (Table(entity: entity, rowCount: rowCount, columns: columns), report)
    }

    private func load(
        _ part: SourceMapping, _ contents: FileContents, entity: EntityDefinition,
        builders: [String: ColumnBuilder], clock: ZoneClock, report: inout EntityLoadReport
    ) {
        var feeds: [RowSink.Feed] = []
        var usedColumns = Set<Int>()
        var implicit: [String] = []
        for field in entity.fields {
            guard let builder = builders[field.name] else { continue }
            let explicit = part.fields.first { $0.field.name == field.name }
            var column: Int?
            var columnName = field.name
            var constant: [UInt8]?
            switch explicit?.origin {
            case .constant(let text)?:
                constant = Array(text.utf8)
            case .column(let name)?:
                columnName = name.isEmpty ? field.name : name
                column = contents.columnIndex(of: columnName)
                if column == nil {
                    report.fileErrors.append(
                        SourceError(
                            file: part.displayPath, column: columnName, field: field.name,
                            message:
                                "no column \"\(columnName)\" in this file (columns: "
                                + contents.header.joined(separator: ", ") + ")"))
                    return
                }
            case nil:
                column = part.matchesColumnsByName ? contents.columnIndex(of: field.name) : nil
                if column != nil { implicit.append(field.name) }
            }
            if column == nil && constant == nil {
                if field.isRequired && field.name != "id" {
                    report.fileErrors.append(
                        SourceError(
                            file: part.displayPath, field: field.name,
                            message: "required field \(field.name) is not mapped"))
                    return
                }
                continue
            }
            if let column { usedColumns.insert(column) }
            var mapKeys = StringDictionary()
            var mapValues: [[UInt8]] = []
            for (from, to) in (explicit?.valueMap ?? [:]).sorted(by: { $0.key < $1.key }) {
                mapKeys.intern(from)
                mapValues.append(Array(to.utf8))
            }
            feeds.append(
                RowSink.Feed(
                    builder: builder, column: column, columnName: columnName, constant: constant,
                    defaultValue: explicit?.defaultValue.map { Array($0.utf8) }, mapKeys: mapKeys,
                    mapValues: mapValues, temporal: explicit?.temporalFormat))
        }
        if !implicit.isEmpty { report.implicitFields[part.displayPath] = implicit }
        let unused = contents.header.indices.filter { !usedColumns.contains($0) }
        if !unused.isEmpty { report.unusedColumns[part.displayPath] = unused.map { contents.header[$0] } }
        let fed = Set(feeds.map { ObjectIdentifier($0.builder) })
        let sink = RowSink(
            feeds: feeds, unfed: builders.values.filter { !fed.contains(ObjectIdentifier($0)) },
            formats: part.formats, clock: clock, file: part.displayPath, distinct: part.distinct)
        let sampleSize = options.problemSampleSize
        do {
            let width = contents.header.count
            try contents.forEachRow { line, fieldCount, cell in
                guard fieldCount == width else {
                    report.record(
                        SourceError(
                            file: part.displayPath, row: line,
                            message: "expected \(width) fields as in the header, found \(fieldCount)"),
                        sampleSize: sampleSize)
                    return
                }
                if let problem = sink.consume(line: line, cell: cell) {
                    report.record(problem, sampleSize: sampleSize)
                }
            }
        } catch {
            report.fileErrors.append(error)
        }
        sink.finish()
        report.rowsLoaded += sink.keptRows
    }
}

/// Write-once slots filled from several threads.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Value] { slots.compactMap { $0 } }
}
