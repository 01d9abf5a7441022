/// What was found for one field.
public struct FieldCheck: Sendable, Codable {
    /// The field name.
    public var field: String
    /// The field type, as in the vocabulary.
    public var type: String
    /// Whether the workspace declared the field.
    public var custom: Bool
    /// Rows with a value.
    public var filled: Int
    /// `filled / rows`; absent when the table has no rows (nothing to be complete).
    public var completeness: Double?
    /// The span of a date or datetime field.
    public var span: DateSpan?
    /// For a reference: values naming no row of the target.
    public var unresolved: Int?
    /// For a field with few distinct values: how many distinct values it has.
    public var distinctValues: Int?
}
