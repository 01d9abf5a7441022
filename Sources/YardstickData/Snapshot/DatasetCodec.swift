import Foundation

/// How a ``Dataset`` is stored in a snapshot: the tables' names and row counts, then each
/// table (``TableCodec``). The time zone and the entity definitions come from the workspace.
enum DatasetCodec {
    static func write(_ dataset: Dataset, to writer: inout SnapshotBlockWriter) throws(SnapshotError) {
        var meta = SnapshotEncoder()
        let names = dataset.tables.keys.sorted()
        meta.append(names.count)
        for name in names {
            meta.append(name)
            meta.append(dataset.tables[name]?.rowCount ?? 0)
        }
        try writer.write(meta)
        for name in names {
            guard let table = dataset.tables[name] else { continue }
            try TableCodec.write(table, to: &writer)
        }
    }

    static func read(from reader: inout SnapshotBlockReader, workspace: Workspace) throws(SnapshotError) -> Dataset {
        var meta = try reader.decoder()
        var rowCounts: [String: Int] = [:]
        var names: [String] = []
        for _ in 0..<(try meta.count()) {
            let name = try meta.string()
            names.append(name)
            rowCounts[name] = try meta.count(limit: Int(Int32.max))
        }
        let entities = Dictionary(
            workspace.entities.map { ($0.entity.name, $0.entity) }, uniquingKeysWith: { first, _ in first })
        var tables: [String: Table] = [:]
        for name in names {
            let table = try TableCodec.read(from: &reader, entities: entities, rowCounts: rowCounts)
            guard table.entity.name == name else {
                throw SnapshotError(.corrupt, file: reader.file, "tables out of order")
            }
            tables[name] = table
        }
        return Dataset(tables: tables, timeZone: workspace.timeZone)
    }
}
