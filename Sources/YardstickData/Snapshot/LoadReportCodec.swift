/// How a ``LoadReport`` is stored in a snapshot: per entity, everything a load found, so a run
/// from the snapshot reports the same skipped rows, columns and encodings as the load did.
enum LoadReportCodec {
    static func write(_ report: LoadReport, to writer: inout SnapshotBlockWriter) throws(SnapshotError) {
        var meta = SnapshotEncoder()
        let names = report.entities.keys.sorted()
        meta.append(names.count)
        for name in names {
            guard let entity = report.entities[name] else { continue }
            meta.append(entity.entity)
            meta.append(entity.rowsLoaded)
            meta.append(entity.rejectedRows)
            append(entity.problems, to: &meta)
            append(entity.fileErrors, to: &meta)
            meta.append(entity.unusedColumns)
            meta.append(entity.implicitFields)
            meta.append(entity.encodings)
            meta.append(entity.sourceFiles)
            meta.append(entity.droppedRows)
        }
        try writer.write(meta)
        for name in names {
            try writer.write(report.entities[name]?.rowSources ?? [])
        }
    }

    static func read(from reader: inout SnapshotBlockReader) throws(SnapshotError) -> LoadReport {
        var meta = try reader.decoder()
        var report = LoadReport()
        var names: [String] = []
        for _ in 0..<(try meta.count()) {
            var entity = EntityLoadReport(entity: try meta.string())
            entity.rowsLoaded = try meta.count(limit: .max)
            entity.rejectedRows = try meta.count(limit: .max)
            entity.problems = try errors(from: &meta)
            entity.fileErrors = try errors(from: &meta)
            entity.unusedColumns = try meta.stringLists()
            entity.implicitFields = try meta.stringLists()
            entity.encodings = try meta.stringMap()
            entity.sourceFiles = try meta.strings()
            entity.droppedRows = try meta.counts()
            names.append(entity.entity)
            report.entities[entity.entity] = entity
        }
        for name in names {
            report.entities[name]?.rowSources = try reader.array()
        }
        return report
    }

    private static func append(_ errors: [SourceError], to meta: inout SnapshotEncoder) {
        meta.append(errors.count)
        for error in errors {
            meta.append(error.file)
            meta.append(error.row)
            meta.append(error.column)
            meta.append(error.field)
            meta.append(error.message)
            meta.append(error.value)
        }
    }

    private static func errors(from meta: inout SnapshotDecoder) throws(SnapshotError) -> [SourceError] {
        var errors: [SourceError] = []
        for _ in 0..<(try meta.count()) {
            let file = try meta.string()
            let row = try meta.optionalInt()
            let column = try meta.optionalString()
            let field = try meta.optionalString()
            let message = try meta.string()
            let value = try meta.optionalString()
            errors.append(
                SourceError(file: file, row: row, column: column, field: field, value: value, message: message))
        }
        return errors
    }
}
