/// One entity's rows as typed columns, with the indexes evaluation needs.
///
/// Only the fields the workspace maps have a column. Rows are numbered from 0 in load order
/// (the files of a multi-file mapping one after the other).
public struct Table: Sendable {
    /// The entity, including custom fields.
    public let entity: EntityDefinition
    /// The number of rows.
    public let rowCount: Int
    /// The columns, by field name.
    public internal(set) var columns: [String: Column]
    /// For each code of the `id` column's dictionary, the first row with that id (empty until
    /// ``buildKeyIndex()``).
    var keyRows: [Int32] = []
    /// Rows whose id repeats an earlier row's: (repeating row, first row).
    public internal(set) var duplicateKeys: [(row: Int32, firstRow: Int32)] = []
    /// Rows grouped by referenced row, per reference field (`owner`, `account`…).
    public internal(set) var referenceIndexes: [String: ReferenceIndex] = [:]
    /// Rows ordered by day, per date or datetime field.
    public internal(set) var dateIndexes: [String: DateIndex] = [:]

    /// Creates a table from finished columns (indexes are added by the loader).
    public init(entity: EntityDefinition, rowCount: Int, columns: [String: Column]) {
        self.entity = entity
        self.rowCount = rowCount
        self.columns = columns
    }

    /// Indexes the `id` column for ``row(forKey:)`` and finds repeated ids.
    ///
    /// - Parameter parts: The threads that may fill the id index of a big table whose ids are
    ///   in no order.
    /// - Returns: How the ids were indexed; nil when there was nothing to index (no `id`
    ///   column, or already indexed).
    @discardableResult
    package mutating func buildKeyIndex(parts: Int = 1) -> StringDictionary.IndexPath? {
        guard keyRows.isEmpty, var id = columns["id"], case .string(let codes) = id.storage else {
            return nil
        }
        let (repeats, path) = id.dictionary.buildIndex(parts: parts)
        columns["id"] = id
        var rowOfCode = [Int32](repeating: -1, count: id.dictionary.count)
        for (row, code) in codes.enumerated() where code >= 0 && rowOfCode[Int(code)] < 0 {
            rowOfCode[Int(code)] = Int32(row)
        }
        var first = rowOfCode
        var duplicates: [(Int32, Int32)] = []
        for (repeatCode, firstCode) in repeats {
            // A code no row holds is the id of a row the loader rejected: no duplicate.
            let row = rowOfCode[Int(repeatCode)]
            guard row >= 0 else { continue }
            let holder = first[Int(firstCode)]
            if holder < 0 {
                first[Int(firstCode)] = row
                first[Int(repeatCode)] = row
                continue
            }
            duplicates.append((row, holder))
            first[Int(repeatCode)] = holder
        }
        keyRows = first
        duplicateKeys = duplicates
        return path
    }

    /// The column of a field, if mapped.
    public subscript(field: String) -> Column? { columns[field] }

    /// The row whose `id` is `key`, if any (the first one when ids repeat).
    public func row(forKey key: String) -> Int? {
        guard let id = columns["id"], id.dictionary.isIndexed, let code = id.dictionary.code(of: key)
        else { return nil }
        let row = keyRows[Int(code)]
        return row >= 0 ? Int(row) : nil
    }

    /// The `id` of a row, if the table has ids.
    public func key(ofRow row: Int) -> String? {
        guard let id = columns["id"], case .string(let codes) = id.storage, codes[row] >= 0 else {
            return nil
        }
        return id.dictionary[codes[row]]
    }
}
