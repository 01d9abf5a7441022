/// One field of an entity: its name, type, meaning and whether a row must have it.
public struct FieldDefinition: Sendable, Hashable {
    /// The field name as scripts and the workspace file see it (`closed_at`).
    public let name: String
    /// The value type.
    public let type: FieldType
    /// What the field means, in one sentence.
    public let meaning: String
    /// Whether every row must carry a value (a missing value is a data error).
    public let isRequired: Bool
    /// Whether the field was declared by the workspace rather than by the vocabulary.
    public let isCustom: Bool

    /// Creates a field definition.
    public init(
        _ name: String, _ type: FieldType, _ meaning: String, required: Bool = false,
        custom: Bool = false
    ) {
        self.name = name
        self.type = type
        self.meaning = meaning
        self.isRequired = required
        self.isCustom = custom
    }

    /// The referenced entity when the field is a reference.
    public var referencedEntity: String? {
        if case .reference(let entity) = type { return entity }
        return nil
    }
}
