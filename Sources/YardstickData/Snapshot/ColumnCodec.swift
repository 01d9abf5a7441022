/// How a ``Column`` is stored in a snapshot: its field's name and storage kind, its validity,
/// its values, its dictionary and, for a reference, its resolved rows.
///
/// The field definition itself is not stored: it comes from the workspace's mapping, which the
/// ``SnapshotKey`` covers, and is checked against the stored kind.
enum ColumnCodec {
    static func write(_ column: Column, to writer: inout SnapshotBlockWriter) throws(SnapshotError) {
        var meta = SnapshotEncoder()
        meta.append(column.field.name)
        meta.append(kind(of: column.storage))
        try writer.write(meta)
        try ValidityCodec.write(column.validity, to: &writer)
        switch column.storage {
        case .string(let codes), .reference(let codes): try writer.write(codes)
        case .integer(let values), .decimal(let values), .datetime(let values): try writer.write(values)
        case .boolean(let values): try writer.write(values.map { $0 ? UInt8(1) : 0 })
        case .date(let days): try writer.write(days)
        case .enumeration(let codes): try writer.write(codes)
        }
        try StringDictionaryCodec.write(column.dictionary, to: &writer)
        try writer.write(column.referencedRows)
    }

    static func read(from reader: inout SnapshotBlockReader, entity: EntityDefinition, rowCount: Int)
        throws(SnapshotError) -> Column
    {
        var meta = try reader.decoder()
        let name = try meta.string()
        let storedKind = try meta.byte()
        guard let field = entity.field(named: name) else {
            throw SnapshotError(.corrupt, file: reader.file, "a column \(name) that \(entity.name) does not have")
        }
        let validity = try ValidityCodec.read(from: &reader)
        let storage: Column.Storage
        switch storedKind {
        case 0: storage = .string(try reader.array())
        case 1: storage = .integer(try reader.array())
        case 2: storage = .decimal(try reader.array())
        case 3:
            let bytes: [UInt8] = try reader.array()
            storage = .boolean(bytes.map { $0 != 0 })
        case 4: storage = .date(try reader.array())
        case 5: storage = .datetime(try reader.array())
        case 6: storage = .enumeration(try reader.array())
        case 7: storage = .reference(try reader.array())
        default: throw SnapshotError(.corrupt, file: reader.file, "column \(name) has an unknown kind \(storedKind)")
        }
        let dictionary = try StringDictionaryCodec.read(from: &reader)
        let referencedRows: [Int32] = try reader.array()
        var column = Column(field: field, validity: validity, storage: storage, dictionary: dictionary)
        column.referencedRows = referencedRows
        guard kind(of: storage) == kind(of: field.type), validity.count == rowCount, count(of: storage) == rowCount,
            referencedRows.isEmpty || referencedRows.count == rowCount
        else {
            throw SnapshotError(
                .corrupt, file: reader.file, "column \(entity.name).\(name) does not fit its field or its table")
        }
        return column
    }

    /// The stored number of a storage kind.
    private static func kind(of storage: Column.Storage) -> UInt8 {
        switch storage {
        case .string: 0
        case .integer: 1
        case .decimal: 2
        case .boolean: 3
        case .date: 4
        case .datetime: 5
        case .enumeration: 6
        case .reference: 7
        }
    }

    /// The storage kind a field's type is loaded into.
    private static func kind(of type: FieldType) -> UInt8 {
        switch type {
        case .string: 0
        case .integer: 1
        case .decimal: 2
        case .boolean: 3
        case .date: 4
        case .datetime: 5
        case .enumeration: 6
        case .reference: 7
        }
    }

    private static func count(of storage: Column.Storage) -> Int {
        switch storage {
        case .string(let codes), .reference(let codes): codes.count
        case .integer(let values), .decimal(let values), .datetime(let values): values.count
        case .boolean(let values): values.count
        case .date(let days): days.count
        case .enumeration(let codes): codes.count
        }
    }
}
