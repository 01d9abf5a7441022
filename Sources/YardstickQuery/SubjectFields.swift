import YardstickData

/// Which field of each entity attributes a row to a user or an account.
package enum SubjectFields {
    /// The field of `entity` naming the user a row belongs to (`owner`, `agent`, `user`).
    package static func userField(of entity: EntityDefinition) -> String? {
        for name in ["owner", "agent", "user"] {
            if let field = entity.field(named: name), field.referencedEntity == "users" { return name }
        }
        if entity.name == "users" { return "id" }
        return nil
    }

    /// The field of `entity` naming the account a row belongs to.
    package static func accountField(of entity: EntityDefinition) -> String? {
        if entity.name == "accounts" { return "id" }
        if let field = entity.field(named: "account"), field.referencedEntity == "accounts" { return "account" }
        return nil
    }
}
