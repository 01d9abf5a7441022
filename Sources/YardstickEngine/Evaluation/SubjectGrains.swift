import YardstickData
import YardstickLocalization
import YardstickQuery

/// The grains a workspace can evaluate: people (user, team, department, company), accounts,
/// campaigns and products when their entities are mapped, queues when calls carry a queue, and
/// the entities it declares as subjects (`[subjects.NAME]` in `yardstick.toml`).
package struct SubjectGrains: Sendable {
    /// An entity grain's subjects: its entity, name field and declared references.
    package struct EntityGrain: Sendable {
        /// The grain, with its titles.
        package var grain: Grain
        /// The declaration (built in for product and campaign unless the workspace redeclares them).
        package var declaration: SubjectDeclaration
    }

    /// Every grain available, in the order tables list them: the built-in ones, then the
    /// workspace's own by name.
    package let available: [Grain]
    /// The grains whose subjects are rows of an entity, by name.
    package let entityGrains: [String: EntityGrain]

    /// The grains of a workspace.
    package init(workspace: Workspace) {
        var entityGrains: [String: EntityGrain] = [:]
        let mapped = Set(workspace.entities.map(\.entity.name))
        for (name, entity) in [("campaign", "campaigns"), ("product", "products")] where mapped.contains(entity) {
            entityGrains[name] = EntityGrain(
                grain: Grain(name), declaration: SubjectDeclaration(name: name, entity: entity))
        }
        for declaration in workspace.subjects {
            entityGrains[declaration.name] = EntityGrain(
                grain: Grain(declaration.name, title: declaration.title, titleZH: declaration.titleZH),
                declaration: declaration)
        }
        var available = Grain.people + [.account]
        if entityGrains["campaign"] != nil { available.append(.campaign) }
        if entityGrains["product"] != nil { available.append(.product) }
        if Self.queueEntities(workspace.entities.map(\.entity)).isEmpty == false { available.append(.queue) }
        for name in entityGrains.keys.sorted() where Grain(rawValue: name) == nil {
            if let grain = entityGrains[name]?.grain { available.append(grain) }
        }
        self.available = available
        self.entityGrains = entityGrains
    }

    /// The grain named `name` (with its titles), or nil when the workspace has no such grain.
    package func grain(named name: String) -> Grain? {
        if let entity = entityGrains[name] { return entity.grain }
        return available.first { $0.rawValue == name }
    }

    /// The grain named `name`.
    ///
    /// - Throws: ``EvaluationError`` naming the grains this workspace has.
    package func require(_ name: String, what: String = "per") throws(EvaluationError) -> Grain {
        guard let grain = grain(named: name) else {
            throw EvaluationError(
                tr(
                    "%@ %@: not a grain of this workspace (valid: %@)", what, name,
                    available.map(\.rawValue).joined(separator: ", ")))
        }
        return grain
    }

    /// The same grain with its titles, when the workspace declares them.
    package func titled(_ grain: Grain) -> Grain { entityGrains[grain.rawValue]?.grain ?? grain }

    /// The entities with a string `queue` field, whose values are the queue subjects.
    static func queueEntities(_ entities: [EntityDefinition]) -> [String] {
        entities.filter { $0.field(named: "queue")?.type == .string }.map(\.name)
    }
}
