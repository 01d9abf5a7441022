/// What was found for one entity.
public struct EntityCheck: Sendable, Codable {
    /// The entity name.
    public var entity: String
    /// The files it was loaded from (relative to the workspace).
    public var files: [String]
    /// Rows loaded.
    public var rows: Int
    /// Rows rejected by type or required-field errors.
    public var rejectedRows: Int
    /// The earliest and latest value over the entity's date and datetime fields (ISO 8601).
    public var dateSpan: DateSpan?
    /// Per mapped field: completeness and, for dates, span; for references, integrity.
    public var fields: [FieldCheck]
    /// Problems found, most severe first.
    public var problems: [CheckProblem]
    /// Source columns that feed no field, per file (information, not a problem).
    public var unusedColumns: [String: [String]]
    /// The encoding each readable file was read with (`utf-8` or `gb18030`), per file.
    public var encodings: [String: String] = [:]
    /// Records the mappings' `drop` and `keep` filters left out, per file (information, not a
    /// problem); empty when no filter dropped anything.
    public var droppedRows: [DroppedRows] = []
}
