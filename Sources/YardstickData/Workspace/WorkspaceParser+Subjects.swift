import YardstickLocalization

/// `[subjects.NAME]` (entities evaluated as subjects) and `[snapshot]` (data taken on one day).
extension WorkspaceParser {
    /// The grains a workspace cannot redeclare: people, accounts and the value-based queue.
    static let fixedGrains: Set<String> = ["user", "team", "department", "company", "account", "queue"]

    func parseSubjects(_ value: ConfigValue?, entities: [EntityMapping]) throws(WorkspaceError)
        -> [SubjectDeclaration]
    {
        guard let section = try table(value, "subjects") else { return [] }
        var declarations: [SubjectDeclaration] = []
        for name in section.keys.sorted() {
            let key = "subjects.\(name)"
            guard let body = try table(section[name], key) else { continue }
            guard Self.isGrainName(name) else {
                throw WorkspaceError(
                    file: file, key: key,
                    message: tr("a subject's name is a lowercase word such as \"supplier\" (letters, digits, _)"))
            }
            guard !Self.fixedGrains.contains(name) else {
                throw WorkspaceError(
                    file: file, key: key,
                    message: tr(
                        "%@ is a built-in grain and cannot be redeclared (declarable: product, campaign and the workspace's own entities)",
                        name))
            }
            try allowOnly(body, ["entity", "title", "name", "references"], at: key)
            let defaultEntity = ["product": "products", "campaign": "campaigns"][name] ?? name + "s"
            let entityName = try string(body["entity"], key + ".entity") ?? defaultEntity
            guard let mapping = entities.first(where: { $0.entity.name == entityName }) else {
                let mapped = entities.map(\.entity.name).joined(separator: ", ")
                throw WorkspaceError(
                    file: file, key: key + ".entity",
                    message: tr(
                        "%@ is not a mapped entity (mapped: %@); name it with entity = \"…\"", entityName, mapped))
            }
            var declaration = SubjectDeclaration(name: name, entity: entityName)
            switch body["title"] {
            case .string(let text)?: declaration.title = text
            case .table(let titles)?:
                try allowOnly(titles, ["en", "zh", "zh-CN"], at: key + ".title")
                declaration.title = try string(titles["en"], key + ".title.en")
                let chinese = try string(titles["zh"], key + ".title.zh")
                let simplified = try string(titles["zh-CN"], key + ".title.zh-CN")
                declaration.titleZH = chinese ?? simplified
            case let other?: throw mismatch(other, tr("a string or { en = …, zh = … }"), key + ".title")
            case nil: break
            }
            if let field = try string(body["name"], key + ".name") {
                guard mapping.entity.field(named: field) != nil else {
                    throw WorkspaceError(
                        file: file, key: key + ".name", message: tr("%@ has no field %@", entityName, field))
                }
                declaration.nameField = field
            }
            if let references = try table(body["references"], key + ".references") {
                for (recordEntity, fieldValue) in references {
                    let referenceKey = key + ".references." + recordEntity
                    guard let fieldName = try string(fieldValue, referenceKey) else { continue }
                    guard let records = entities.first(where: { $0.entity.name == recordEntity }) else {
                        throw WorkspaceError(
                            file: file, key: referenceKey, message: tr("%@ is not a mapped entity", recordEntity))
                    }
                    guard let field = records.entity.field(named: fieldName) else {
                        throw WorkspaceError(
                            file: file, key: referenceKey, message: tr("%@ has no field %@", recordEntity, fieldName))
                    }
                    guard field.referencedEntity == entityName else {
                        throw WorkspaceError(
                            file: file, key: referenceKey,
                            message: tr(
                                "%@.%@ does not reference %@ (declare it as a custom field with references = \"%@\")",
                                recordEntity, fieldName, entityName, entityName))
                    }
                    declaration.references[recordEntity] = fieldName
                }
            }
            declarations.append(declaration)
        }
        return declarations
    }

    func parseSnapshot(_ value: ConfigValue?) throws(WorkspaceError) -> SnapshotDeclaration? {
        guard let section = try table(value, "snapshot") else { return nil }
        try allowOnly(section, ["as_of", "scope"], at: "snapshot")
        guard let text = try string(section["as_of"], "snapshot.as_of") else {
            throw WorkspaceError(
                file: file, key: "snapshot.as_of",
                message: tr("a snapshot needs the day it was taken: as_of = \"2024-01-31\""))
        }
        guard let day = SnapshotDeclaration.day(iso: text) else {
            throw WorkspaceError(
                file: file, key: "snapshot.as_of", message: tr("expected a date written 2024-01-31, found \"%@\"", text)
            )
        }
        let scopeName = try string(section["scope"], "snapshot.scope") ?? "workspace"
        guard let scope = SnapshotDeclaration.Scope(rawValue: scopeName) else {
            throw WorkspaceError(
                file: file, key: "snapshot.scope",
                message: tr(
                    "expected \"workspace\" (every indicator) or \"indicators\" (those declaring snapshot = true), found \"%@\"",
                    scopeName))
        }
        return SnapshotDeclaration(asOf: day, scope: scope)
    }

    private static func isGrainName(_ name: String) -> Bool {
        guard let first = name.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else { return false }
        return name.utf8.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "_")
        }
    }
}
