import Foundation
import YardstickLocalization

/// Loads a workspace's sources into typed, indexed tables.
///
/// Each source mapping is read once from its ``RecordSource`` (files straight from bytes, big
/// CSV files on all cores), and every value is parsed to its field's type. Afterwards
/// references are resolved to rows and the reference and date indexes are built.
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
    /// Opens the source of each mapping part.
    public let opener: any RecordSourceOpener

    /// Creates a loader.
    ///
    /// - Parameters:
    ///   - workspace: The workspace whose entities to load.
    ///   - options: How strictly to load.
    ///   - opener: Where the mappings' records come from; files by default.
    public init(
        workspace: Workspace, options: LoadOptions = LoadOptions(),
        opener: any RecordSourceOpener = FileSourceOpener()
    ) {
        self.workspace = workspace
        self.options = options
        self.opener = opener
    }

    /// Loads every mapped entity.
    ///
    /// Big CSV files are cut into runs of whole records read on all cores.
    ///
    /// - Returns: The tables and what loading found. In lenient mode bad rows are left out
    ///   and listed in the report.
    /// - Throws: ``LoadFailure`` when a file could not be loaded as a whole (unreadable,
    ///   undecodable, empty, an unterminated quote, a duplicate header name, a mapped column
    ///   missing), in lenient mode too; in strict mode also when any row was rejected.
    public func load() throws(LoadFailure) -> (dataset: Dataset, report: LoadReport) {
        let (dataset, report) = loadEverything(stoppingEarly: true)
        if report.hasFileErrors || (!options.lenient && report.rejectedRows > 0) {
            throw LoadFailure(report: report, lenient: options.lenient)
        }
        return (dataset, report)
    }

    /// Loads every mapped entity, whatever it finds: the good rows of every readable file, and
    /// in the report every rejected row and every file that could not be loaded (what `check`
    /// inspects).
    public func loadAll() -> (dataset: Dataset, report: LoadReport) {
        loadEverything(stoppingEarly: false)
    }

    /// Loads everything; with `stoppingEarly`, returns before resolving references when
    /// ``load()`` is going to fail anyway.
    private func loadEverything(stoppingEarly: Bool) -> (dataset: Dataset, report: LoadReport) {
        let mappings = workspace.entities
        let results = ResultSlots<(Table, EntityLoadReport)>(count: mappings.count)
        // Big files first, so the longest load starts at once.
        let sizes = mappings.map(estimatedBytes)
        let order = mappings.indices.sorted { sizes[$0] > sizes[$1] }
        options.progress?.begin(sources: mappings.reduce(0) { $0 + $1.parts.count }, bytes: sizes.reduce(0, +))
        let work: @Sendable (Int) -> Void = { slot in
            let index = order[slot]
            results.set(index, loadEntity(mappings[index]))
        }
        // Entities load one after the other: the threads go to the segments of each big file
        // (nested concurrentPerform calls would run serially), and only one file is in memory.
        for slot in order.indices {
            work(slot)
            // Segment buffers freed by the loader threads stay in the allocator's arenas
            // unless given back; the next entity (and the indexes) would add to them.
            releaseFreeMemory()
        }
        var tables: [String: Table] = [:]
        var report = LoadReport()
        for (table, entityReport) in results.values {
            tables[table.entity.name] = table
            report.entities[table.entity.name] = entityReport
        }
        var dataset = Dataset(tables: tables, timeZone: workspace.timeZone)
        if stoppingEarly && (report.hasFileErrors || (!options.lenient && report.rejectedRows > 0)) {
            return (dataset, report)
        }
        report.keyIndexPaths = ReferenceResolver.resolve(&dataset, parallel: options.parallel)
        releaseFreeMemory()
        return (dataset, report)
    }

    private func estimatedBytes(_ mapping: EntityMapping) -> Int {
        mapping.parts.reduce(0) { $0 + fileSize($1.path) }
    }

    /// The size of the file at `path`, 0 when it is not a file.
    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
    }

    /// Loads one entity from all its source mappings.
    func loadEntity(_ mapping: EntityMapping) -> (Table, EntityLoadReport) {
        let entity = mapping.entity
        var report = EntityLoadReport(entity: entity.name)
        let clock = ZoneClock(timeZone: workspace.timeZone)
        var builders: [String: ColumnBuilder] = [:]
        var files: [(SourceMapping, any RecordSource, Int)] = []
        report.sourceFiles = mapping.parts.map(\.displayPath)
        for (partIndex, part) in mapping.parts.enumerated() {
            do throws(SourceError) {
                let source = try opener.open(part)
                if let problem = source.headerProblem(file: part.displayPath) { throw problem }
                files.append((part, source, partIndex))
                if let encoding = source.encoding { report.encodings[part.displayPath] = encoding.rawValue }
            } catch {
                report.fileErrors.append(error)
            }
        }
        if options.recordsRowSources {
            builders[Self.sourceRowKey] = ColumnBuilder(field: Self.sourceRowField)
        }
        // A field gets a column when any file feeds it.
        for (part, contents, _) in files {
            for field in entity.fields where builders[field.name] == nil {
                if part.fields.contains(where: { $0.field.name == field.name })
                    || (part.matchesColumnsByName && contents.columnIndex(of: field.name) != nil)
                {
                    builders[field.name] = ColumnBuilder(
                        field: field, expectedRows: contents.estimatedRowCount)
                }
            }
        }
        for (part, contents, fileIndex) in files {
            let rowsBefore = report.rowsLoaded
            load(
                part, contents, fileIndex: fileIndex, entity: entity, builders: builders, clock: clock,
                report: &report)
            options.progress?.finished(
                source: part.displayPath, entity: entity.name, rows: report.rowsLoaded - rowsBefore,
                bytes: fileSize(part.path))
        }
        // A source that could not be opened still counts as done.
        for part in mapping.parts where !files.contains(where: { $0.0.displayPath == part.displayPath }) {
            options.progress?.finished(source: part.displayPath, entity: entity.name, rows: 0, bytes: 0)
        }
        // The source-row builder counts kept rows even when no field is fed: not the table's.
        let rowCount = builders.first { $0.key != Self.sourceRowKey }?.value.count ?? 0
        var columns: [String: Column] = [:]
        let built = ResultSlots<(String, Column)>(count: builders.count)
        let finished = Unchecked(Array(builders))
        let build: @Sendable (Int) -> Void = { index in
            let (name, builder) = finished.value[index]
            built.set(index, (name, builder.build()))
        }
        // Columns are finished (copied into arrays) on all cores.
        if options.parallel {
            DispatchQueue.concurrentPerform(iterations: builders.count, execute: build)
        } else {
            for index in 0..<builders.count {
                build(index)
            }
        }
        for (name, column) in built.values { columns[name] = column }
        if case .integer(let sources)? = columns.removeValue(forKey: Self.sourceRowKey)?.storage {
            report.rowSources = sources
        }
        return (Table(entity: entity, rowCount: rowCount, columns: columns), report)
    }

    /// The builder key of the rows' source locations (a name no field can have).
    static let sourceRowKey = " source row"
    static let sourceRowField = FieldDefinition(" source row", .integer, "file index << 32 | line")

    /// Loads one mapping part from its source.
    ///
    /// The built-in sources are passed on as their concrete types, so that the generic reading
    /// below is specialised for each of them and its per-row loop makes no dynamic call per
    /// cell (docs/decisions/0008-record-sources.md); other sources go through the generic
    /// code with the existential opened once.
    private func load(
        _ part: SourceMapping, _ source: any RecordSource, fileIndex: Int, entity: EntityDefinition,
        builders: [String: ColumnBuilder], clock: ZoneClock, report: inout EntityLoadReport
    ) {
        if let csv = source as? CSVRecordSource {
            load(
                part, records: csv, fileIndex: fileIndex, entity: entity, builders: builders, clock: clock,
                report: &report)
        } else if let buffered = source as? BufferedRecordSource {
            load(
                part, records: buffered, fileIndex: fileIndex, entity: entity, builders: builders,
                clock: clock, report: &report)
        } else {
            load(
                part, records: source, fileIndex: fileIndex, entity: entity, builders: builders,
                clock: clock, report: &report)
        }
    }

    private func load<Source: RecordSource>(
        _ part: SourceMapping, records contents: Source, fileIndex: Int, entity: EntityDefinition,
        builders: [String: ColumnBuilder], clock: ZoneClock, report: inout EntityLoadReport
    ) {
        var feeds: [RowSink.Feed] = []
        var usedColumns = Set<Int>()
        var implicit: [String] = []
        var missingColumns = false
        for field in entity.fields {
            guard let builder = builders[field.name] else { continue }
            let explicit = part.fields.first { $0.field.name == field.name }
            var column: Int?
            var columnName = field.name
            var constant: [UInt8]?
            var parts: [Int] = []
            switch explicit?.origin {
            case .columns(let names, _)?:
                columnName = names.joined(separator: " & ")
                for name in names {
                    guard let index = contents.columnIndex(of: name) else {
                        report.fileErrors.append(missingColumn(name, field: field.name, in: part, contents))
                        missingColumns = true
                        break
                    }
                    parts.append(index)
                }
                if parts.count < names.count { continue }
                column = parts.first
            case .constant(let text)?:
                constant = Array(text.utf8)
            case .column(let name)?:
                columnName = name.isEmpty ? field.name : name
                column = contents.columnIndex(of: columnName)
                if column == nil {
                    report.fileErrors.append(missingColumn(columnName, field: field.name, in: part, contents))
                    missingColumns = true
                    continue
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
                            message: tr("required field %@ is not mapped", field.name)))
                    return
                }
                continue
            }
            if let column { usedColumns.insert(column) }
            usedColumns.formUnion(parts)
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
                    mapValues: mapValues, temporal: explicit?.temporalFormat, parts: parts,
                    separator: explicit?.separatorBytes ?? [],
                    nullWords: explicit?.nullWords.map { Array($0.utf8) } ?? []))
        }
        var filters: [RowSink.Filter] = []
        for filter in part.rowFilters {
            guard let index = contents.columnIndex(of: filter.column) else {
                report.fileErrors.append(missingColumn(filter.column, field: nil, in: part, contents))
                missingColumns = true
                continue
            }
            usedColumns.insert(index)
            filters.append(RowSink.Filter(column: index, filter: filter))
        }
        // A file without a mapped column is not read: its rows would be half mapped.
        if missingColumns { return }
        // A file that feeds no field at all would load as rows of nothing: its records would
        // be lost without a word.
        if feeds.isEmpty {
            report.fileErrors.append(
                SourceError(
                    file: part.displayPath,
                    message: tr(
                        "no column of this file maps to a field of %@ (columns: %@); map them in [entities.%@.fields] or name them as the vocabulary does",
                        entity.name,
                        contents.header.map { DisplayText.example($0) }.joined(separator: ", "), entity.name)))
            return
        }
        if !implicit.isEmpty { report.implicitFields[part.displayPath] = implicit }
        let unused = contents.header.indices.filter { !usedColumns.contains($0) }
        if !unused.isEmpty { report.unusedColumns[part.displayPath] = unused.map { contents.header[$0] } }
        // Big sources that can be cut (CSV files) are read in segments on several threads,
        // each into its own builders, then appended in file order.
        var segments = [contents]
        if options.parallel, !part.distinct {
            segments = contents.segments(ProcessInfo.processInfo.activeProcessorCount)
        }
        if segments.count == 1 {
            report.merge(
                read(
                    contents, part: part, fileIndex: fileIndex, feeds: feeds, builders: builders,
                    clock: clock, filters: filters),
                sampleSize: options.problemSampleSize)
            return
        }
        let parts = ResultSlots<([String: ColumnBuilder], EntityLoadReport)>(count: segments.count)
        // Each thread reads its own segment into its own builders; the shared values below are
        // only read.
        let shared = Unchecked((segments, feeds, builders, filters))
        let timeZone = clock.timeZone
        DispatchQueue.concurrentPerform(iterations: segments.count) { index in
            let (segmentList, feedList, builders, filters) = shared.value
            var own: [String: ColumnBuilder] = [:]
            for (name, builder) in builders {
                own[name] = ColumnBuilder(
                    field: builder.field, expectedRows: segmentList[index].estimatedRowCount)
            }
            let ownFeeds = feedList.map { $0.rebound(to: own[$0.builder.field.name]!) }
            let segmentReport = read(
                segmentList[index], part: part, fileIndex: fileIndex, feeds: ownFeeds, builders: own,
                clock: ZoneClock(timeZone: timeZone), filters: filters)
            parts.set(index, (own, segmentReport))
        }
        // Column by column (one per core at a time), each segment's buffers freed once copied;
        // the first segment's buffers are taken over, not copied.
        let results = parts.values
        let columns = Unchecked((Array(builders), results))
        DispatchQueue.concurrentPerform(iterations: builders.count) { index in
            let (builders, results) = columns.value
            let (name, builder) = builders[index]
            var pieces = results.compactMap { $0.0[name] }[...]
            if builder.count == 0, let first = pieces.first {
                builder.adopt(first)
                pieces = pieces.dropFirst()
            }
            builder.reserve(for: pieces)
            for piece in pieces {
                builder.append(contentsOf: piece)
                piece.release()
            }
        }
        for (_, segmentReport) in results {
            report.merge(segmentReport, sampleSize: options.problemSampleSize)
        }
    }

    /// Reads records into builders through feeds; returns what it found.
    private func read<Source: RecordSource>(
        _ contents: Source, part: SourceMapping, fileIndex: Int, feeds: [RowSink.Feed],
        builders: [String: ColumnBuilder], clock: ZoneClock, filters: [RowSink.Filter]
    ) -> EntityLoadReport {
        let fed = Set(feeds.map { ObjectIdentifier($0.builder) })
        let sourceRows = builders[Self.sourceRowKey]
        let unfed = builders.filter { $0.key != Self.sourceRowKey && !fed.contains(ObjectIdentifier($0.value)) }
        let sink = RowSink(
            feeds: feeds, unfed: Array(unfed.values), formats: part.formats, clock: clock,
            file: part.displayPath, distinct: part.distinct, filters: filters)
        sink.sourceRows = sourceRows
        sink.fileIndex = Int64(fileIndex) << 32
        sink.header = contents.header
        var consumer = RowSink.Consumer(
            sink: sink, checksNUL: contents.mayContainNUL,
            sampleSize: options.problemSampleSize)
        if contents.namesRowsByKey {
            consumer.keyColumn = feeds.first { $0.builder.field.name == "id" }?.column
        }
        do {
            try withExtendedLifetime(sink) { () throws(SourceError) in
                try contents.forEachRow(into: &consumer)
            }
        } catch {
            consumer.report.fileErrors.append(error)
        }
        sink.finish()
        var report = consumer.report
        report.rowsLoaded += sink.keptRows
        if sink.droppedRows > 0 { report.droppedRows[part.displayPath] = sink.droppedRows }
        return report
    }

    /// A mapped column (of a field or of a row filter) that the file does not have.
    private func missingColumn(
        _ name: String, field: String?, in part: SourceMapping, _ contents: some RecordSource
    ) -> SourceError {
        SourceError(
            file: part.displayPath, column: name, field: field,
            message: tr(
                "no column \"%@\" in this file (columns: %@)", DisplayText.example(name),
                contents.header.map { DisplayText.example($0) }.joined(separator: ", ")))
    }
}
