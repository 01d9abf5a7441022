/// One typed column of a table, with null tracking.
///
/// Values are stored unboxed in one array per column; null rows hold a placeholder (0, or -1
/// for codes) and are marked in ``validity``. Strings and references are dictionary-encoded,
/// enums are codes into the field's value list, decimals are scaled integers
/// (``ExactDecimal``), dates are day numbers and datetimes are epoch seconds.
public struct Column: Sendable {
    /// The unboxed values of a column, by type.
    public enum Storage: Sendable {
        /// Codes into ``Column/dictionary`` (-1 for null).
        case string([Int32])
        /// Whole numbers.
        case integer([Int64])
        /// Scaled decimals (see ``ExactDecimal``).
        case decimal([Int64])
        /// Booleans.
        case boolean([Bool])
        /// Day numbers.
        case date([Int32])
        /// Epoch seconds.
        case datetime([Int64])
        /// Indexes into the enum's value list (-1 for null).
        case enumeration([Int8])
        /// Key codes into ``Column/dictionary`` (-1 for null); rows resolved in
        /// ``Column/referencedRows``.
        case reference([Int32])
    }

    /// The field this column holds.
    public let field: FieldDefinition
    /// Which rows hold a value.
    public internal(set) var validity: Validity
    /// The values.
    public internal(set) var storage: Storage
    /// The distinct texts of a string or reference column.
    public internal(set) var dictionary: StringDictionary
    /// For a reference column: the row of the referenced entity per row, -1 for null and -2 for
    /// a key that names no row of the target (see `yardstick check`).
    public internal(set) var referencedRows: [Int32] = []

    /// The number of rows.
    public var count: Int { validity.count }

    /// Whether a row is null.
    @inline(__always)
    public func isNull(_ row: Int) -> Bool { !validity.isPresent(row) }

    /// The boxed value of one row.
    public func value(at row: Int) -> CellValue {
        guard validity.isPresent(row) else { return .null }
        switch storage {
        case .string(let codes), .reference(let codes): return .string(dictionary[codes[row]])
        case .integer(let values): return .integer(values[row])
        case .decimal(let values): return .decimal(ExactDecimal(scaled: values[row]))
        case .boolean(let values): return .boolean(values[row])
        case .date(let values): return .date(values[row])
        case .datetime(let values): return .datetime(values[row])
        case .enumeration(let codes):
            guard case .enumeration(let names) = field.type else { return .null }
            return .string(names[Int(codes[row])])
        }
    }
}
