@testable import YardstickData

/// Every difference between two datasets, down to each array of each column and index, for
/// tests that a snapshot gives back exactly what the load built.
enum DatasetDifferences {
    static func between(_ a: Dataset, _ b: Dataset) -> [String] {
        var found: [String] = []
        if a.timeZone != b.timeZone { found.append("time zone") }
        if Set(a.tables.keys) != Set(b.tables.keys) { found.append("table names") }
        for (name, left) in a.tables {
            guard let right = b.tables[name] else { continue }
            found += between(left, right).map { "\(name): \($0)" }
        }
        return found
    }

    static func between(_ a: Table, _ b: Table) -> [String] {
        var found: [String] = []
        if a.entity != b.entity { found.append("entity") }
        if a.rowCount != b.rowCount { found.append("row count") }
        if a.keyRows != b.keyRows { found.append("key rows") }
        if a.duplicateKeys.map(\.row) != b.duplicateKeys.map(\.row)
            || a.duplicateKeys.map(\.firstRow) != b.duplicateKeys.map(\.firstRow)
        {
            found.append("duplicate keys")
        }
        if Set(a.columns.keys) != Set(b.columns.keys) { found.append("column names") }
        for (name, left) in a.columns {
            guard let right = b.columns[name] else { continue }
            found += between(left, right).map { "\(name): \($0)" }
        }
        if Set(a.referenceIndexes.keys) != Set(b.referenceIndexes.keys) { found.append("reference index names") }
        for (name, left) in a.referenceIndexes {
            guard let right = b.referenceIndexes[name] else { continue }
            if left.offsets != right.offsets || left.rows != right.rows { found.append("reference index \(name)") }
        }
        if Set(a.dateIndexes.keys) != Set(b.dateIndexes.keys) { found.append("date index names") }
        for (name, left) in a.dateIndexes {
            guard let right = b.dateIndexes[name] else { continue }
            if left.firstDay != right.firstDay || left.offsets != right.offsets || left.rows != right.rows
                || left.localDays != right.localDays
            {
                found.append("date index \(name)")
            }
        }
        return found
    }

    static func between(_ a: Column, _ b: Column) -> [String] {
        var found: [String] = []
        if a.field != b.field { found.append("field") }
        if a.validity != b.validity { found.append("validity") }
        if a.referencedRows != b.referencedRows { found.append("referenced rows") }
        if (0..<a.count).map({ a.value(at: $0) }) != (0..<b.count).map({ b.value(at: $0) }) { found.append("values") }
        let left = a.dictionary
        let right = b.dictionary
        if left.values != right.values || left.isIndexed != right.isIndexed
            || left.codesAreUnique != right.codesAreUnique || left.slots != right.slots || left.mask != right.mask
            || left.stride != right.stride || left.isSorted != right.isSorted
        {
            found.append("dictionary")
        }
        if left.isIndexed {
            for code in 0..<Int32(left.count) where right.code(of: left[code]) != left.code(of: left[code]) {
                found.append("lookup of \(left[code])")
                break
            }
        }
        return found
    }
}
