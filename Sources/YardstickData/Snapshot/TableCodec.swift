/// How a ``Table`` is stored in a snapshot: its row count and column names, each column, the
/// key index and repeated ids, and the reference and date indexes built after load.
///
/// Indexes are stored rather than rebuilt: reading them back costs one copy, rebuilding them
/// a counting sort per index and a hash of every id (docs/decisions/0020-snapshot-cache.md).
enum TableCodec {
    static func write(_ table: Table, to writer: inout SnapshotBlockWriter) throws(SnapshotError) {
        var meta = SnapshotEncoder()
        meta.append(table.entity.name)
        meta.append(table.rowCount)
        let columnNames = table.columns.keys.sorted()
        let referenceNames = table.referenceIndexes.keys.sorted()
        let dateNames = table.dateIndexes.keys.sorted()
        meta.append(columnNames)
        meta.append(referenceNames)
        meta.append(dateNames)
        try writer.write(meta)
        for name in columnNames {
            guard let column = table.columns[name] else { continue }
            try ColumnCodec.write(column, to: &writer)
        }
        try writer.write(table.keyRows)
        try writer.write(table.duplicateKeys.map(\.row))
        try writer.write(table.duplicateKeys.map(\.firstRow))
        for name in referenceNames {
            guard let index = table.referenceIndexes[name] else { continue }
            try ReferenceIndexCodec.write(index, to: &writer)
        }
        for name in dateNames {
            guard let index = table.dateIndexes[name] else { continue }
            try DateIndexCodec.write(index, to: &writer)
        }
    }

    /// Reads a table of one of `entities`; `rowCounts` gives the referenced tables' sizes
    /// (tables are stored in an order where referenced tables may come later, so reference
    /// indexes are checked against the counts read from the header).
    static func read(
        from reader: inout SnapshotBlockReader, entities: [String: EntityDefinition], rowCounts: [String: Int]
    ) throws(SnapshotError) -> Table {
        var meta = try reader.decoder()
        let name = try meta.string()
        let rowCount = try meta.count(limit: Int(Int32.max))
        let columnNames = try meta.strings()
        let referenceNames = try meta.strings()
        let dateNames = try meta.strings()
        guard let entity = entities[name], rowCounts[name] == rowCount else {
            throw SnapshotError(.corrupt, file: reader.file, "a table \(name) the mapping does not have")
        }
        var columns: [String: Column] = [:]
        for columnName in columnNames {
            let column = try ColumnCodec.read(from: &reader, entity: entity, rowCount: rowCount)
            guard column.field.name == columnName else {
                throw SnapshotError(.corrupt, file: reader.file, "columns of \(name) out of order")
            }
            columns[columnName] = column
        }
        var table = Table(entity: entity, rowCount: rowCount, columns: columns)
        table.keyRows = try reader.array()
        let repeating: [Int32] = try reader.array()
        let firstRows: [Int32] = try reader.array()
        guard repeating.count == firstRows.count else {
            throw SnapshotError(.corrupt, file: reader.file, "the repeated ids of \(name) do not pair up")
        }
        table.duplicateKeys = zip(repeating, firstRows).map { (row: $0, firstRow: $1) }
        for referenceName in referenceNames {
            guard let target = columns[referenceName]?.field.referencedEntity, let targetCount = rowCounts[target]
            else {
                throw SnapshotError(
                    .corrupt, file: reader.file, "a reference index \(name).\(referenceName) of no reference")
            }
            table.referenceIndexes[referenceName] = try ReferenceIndexCodec.read(
                from: &reader, targetCount: targetCount)
        }
        for dateName in dateNames {
            table.dateIndexes[dateName] = try DateIndexCodec.read(from: &reader, rowCount: rowCount)
        }
        return table
    }
}
