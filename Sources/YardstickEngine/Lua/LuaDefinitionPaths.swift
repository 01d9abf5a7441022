import YardstickData

/// The field names and reference paths a script may pass for an entity: its own fields, then
/// the fields reached through its references (`account.industry`, `account.owner.team`), up to
/// a number of hops. A referenced entity's `id` is left out (the reference itself is that id).
struct LuaDefinitionPaths {
    /// One name a script may pass and the field it reaches.
    struct Path {
        /// The dotted path (`account.industry`).
        var path: String
        /// The field at its end.
        var field: FieldDefinition
    }

    /// The entities references may lead to, by name.
    var entities: [String: EntityDefinition]
    /// How many references a path may follow.
    var maximumHops: Int

    /// Paths through these entities, following at most `maximumHops` references.
    init(entities: [EntityDefinition], maximumHops: Int) {
        self.entities = Dictionary(entities.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.maximumHops = maximumHops
    }

    /// Every path of an entity: its fields first, then, breadth first, each reference's
    /// fields in the order of the fields.
    func paths(of entity: EntityDefinition) -> [Path] {
        var result = entity.fields.map { Path(path: $0.name, field: $0) }
        var frontier: [(prefix: String, entity: EntityDefinition)] = [("", entity)]
        for _ in 0..<maximumHops {
            var next: [(prefix: String, entity: EntityDefinition)] = []
            for (prefix, current) in frontier {
                for field in current.fields {
                    guard let target = field.referencedEntity, let referenced = entities[target] else { continue }
                    let base = prefix + field.name + "."
                    for reached in referenced.fields where reached.name != "id" {
                        result.append(Path(path: base + reached.name, field: reached))
                    }
                    next.append((base, referenced))
                }
            }
            frontier = next
        }
        return result
    }
}
