import Foundation

/// How one entity is fed: one or more source mappings whose rows are concatenated.
public struct EntityMapping: Sendable {
    /// The entity, with the workspace's custom fields added.
    public var entity: EntityDefinition
    /// The source mappings, in file order.
    public var parts: [SourceMapping]
}
