/// One entity of the CRM vocabulary (or a custom entity): its fields and what a row stands for.
public struct EntityDefinition: Sendable, Hashable {
    /// The entity name, plural and lower-case (`opportunities`).
    public let name: String
    /// What one row stands for.
    public let meaning: String
    /// The fields in documentation order; the first is always `id`.
    public private(set) var fields: [FieldDefinition]
    /// Whether the workspace declared this entity.
    public let isCustom: Bool

    /// Creates an entity definition; `id` must be among the fields.
    public init(name: String, meaning: String, fields: [FieldDefinition], custom: Bool = false) {
        self.name = name
        self.meaning = meaning
        self.fields = fields
        self.isCustom = custom
    }

    /// The field with this name, if any.
    public func field(named name: String) -> FieldDefinition? {
        fields.first { $0.name == name }
    }

    /// The entity with the workspace's custom fields appended (names are checked by the parser).
    public func adding(customFields: [FieldDefinition]) -> EntityDefinition {
        var copy = self
        copy.fields.append(contentsOf: customFields)
        return copy
    }
}
