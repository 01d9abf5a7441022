import YardstickData

/// A field's values by row as text, for laying out many subjects at once: the column is looked
/// up once, and a text column's row reads its dictionary directly.
struct RowTexts {
    private let column: Column?
    /// The codes of a text column (its rows' entries in the dictionary).
    private let codes: [Int32]?
    /// Whether a row reads as ``Table/key(ofRow:)`` reads it (the `id` of a text id column).
    private let keysOnly: Bool

    /// The values of `field` of `table`: nil for a null or for a field the table lacks, the
    /// value's description otherwise.
    init(_ table: Table, _ field: String) {
        column = table[field]
        switch column?.storage {
        case .string(let codes)?, .reference(let codes)?: self.codes = codes
        default: codes = nil
        }
        keysOnly = false
    }

    /// The rows' ids, as ``Table/key(ofRow:)`` gives them.
    init(keysOf table: Table) {
        column = table["id"]
        if case .string(let codes)? = column?.storage { self.codes = codes } else { codes = nil }
        keysOnly = true
    }

    subscript(row: Int) -> String? {
        guard let column else { return nil }
        if keysOnly {
            guard let codes, codes[row] >= 0 else { return nil }
            return column.dictionary[codes[row]]
        }
        guard !column.isNull(row) else { return nil }
        if let codes { return column.dictionary[codes[row]] }
        return column.value(at: row).description
    }
}
