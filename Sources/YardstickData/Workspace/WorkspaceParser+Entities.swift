import Foundation
import YardstickLocalization

extension WorkspaceParser {
    /// Parses `[entities.*]`: vocabulary entities in vocabulary order, then custom ones by name.
    func parseEntities(
        _ value: ConfigValue?, sources: [String: SourceDefinition], formats: ValueFormats
    ) throws(WorkspaceError) -> [EntityMapping] {
        guard let section = try table(value, "entities") else { return [] }
        let vocabularyNames = CRMVocabulary.entities.map(\.name)
        let customNames = section.keys.filter { !vocabularyNames.contains($0) }.sorted()
        let allNames = Set(vocabularyNames).union(customNames)
        var result: [EntityMapping] = []
        for name in vocabularyNames.filter({ section[$0] != nil }) + customNames {
            guard let entry = section[name] else { continue }
            let key = "entities.\(name)"
            guard name.range(of: #"^[a-z][a-z0-9_]*$"#, options: .regularExpression) != nil else {
                throw WorkspaceError(
                    file: file, key: key,
                    message: tr("entity names are lower-case letters, digits and _ (like deals_2026)"))
            }
            let bodies: [(String, [String: ConfigValue])]
            switch entry {
            case .table(let body): bodies = [(key, body)]
            case .array(let items):
                var list: [(String, [String: ConfigValue])] = []
                for (index, item) in items.enumerated() {
                    let itemKey = "\(key)[\(index + 1)]"
                    guard case .table(let body) = item else {
                        throw mismatch(item, tr("a table"), itemKey)
                    }
                    list.append((itemKey, body))
                }
                bodies = list
            default: throw mismatch(entry, tr("a table or an array of tables"), key)
            }
            let entity = try entityDefinition(
                name: name, bodies: bodies, isCustom: customNames.contains(name), known: allNames)
            var parts: [SourceMapping] = []
            for (itemKey, body) in bodies {
                parts.append(
                    try sourceMapping(
                        body, key: itemKey, entity: entity, sources: sources, formats: formats))
            }
            result.append(EntityMapping(entity: entity, parts: parts))
        }
        return result
    }

    private func entityDefinition(
        name: String, bodies: [(String, [String: ConfigValue])], isCustom: Bool, known: Set<String>
    ) throws(WorkspaceError) -> EntityDefinition {
        let base =
            CRMVocabulary.entity(named: name)
            ?? EntityDefinition(
                name: name, meaning: "Custom entity declared by the workspace.",
                fields: [FieldDefinition("id", .string, "Unique key.", required: true, custom: true)],
                custom: true)
        var custom: [FieldDefinition] = []
        for (key, body) in bodies {
            guard let declarations = try table(body["custom"], key + ".custom") else { continue }
            for fieldName in declarations.keys.sorted() {
                let fieldKey = "\(key).custom.\(fieldName)"
                if base.field(named: fieldName) != nil, !(isCustom && fieldName == "id") {
                    throw WorkspaceError(
                        file: file, key: fieldKey,
                        message:
                            tr("%@ already has a field %@; map it under [fields] instead", name, fieldName))
                }
                guard let declaration = try table(declarations[fieldName], fieldKey) else { continue }
                let field = try customField(fieldName, declaration, key: fieldKey, known: known)
                if let existing = custom.first(where: { $0.name == fieldName }) {
                    guard existing.type == field.type else {
                        throw WorkspaceError(
                            file: file, key: fieldKey,
                            message: tr("declared twice with different types"))
                    }
                    continue
                }
                custom.append(field)
            }
        }
        if isCustom, custom.contains(where: { $0.name == "id" }) {
            return EntityDefinition(
                name: name, meaning: base.meaning, fields: custom, custom: true)
        }
        return base.adding(customFields: custom)
    }

    private func customField(
        _ name: String, _ declaration: [String: ConfigValue], key: String, known: Set<String>
    ) throws(WorkspaceError) -> FieldDefinition {
        try allowOnly(
            declaration,
            [
                "column", "columns", "separator", "date", "time", "value", "map", "format",
                "default", "null", "type", "values", "references", "description", "required",
            ], at: key)
        let typeName = try string(declaration["type"], key + ".type") ?? "string"
        let type: FieldType
        switch typeName {
        case "string": type = .string
        case "integer": type = .integer
        case "decimal": type = .decimal
        case "boolean": type = .boolean
        case "date": type = .date
        case "datetime": type = .datetime
        case "enum":
            guard let values = try strings(declaration["values"], key + ".values"), !values.isEmpty
            else {
                throw WorkspaceError(
                    file: file, key: key + ".values", message: tr("an enum field lists its values"))
            }
            guard values.count < 127 else {
                throw WorkspaceError(
                    file: file, key: key + ".values", message: tr("an enum has at most 126 values"))
            }
            type = .enumeration(values)
        case "reference":
            guard let target = try string(declaration["references"], key + ".references") else {
                throw WorkspaceError(
                    file: file, key: key + ".references",
                    message: tr("a reference field names the entity it references"))
            }
            guard known.contains(target) else {
                throw WorkspaceError(
                    file: file, key: key + ".references", message: tr("no entity named %@", target))
            }
            type = .reference(target)
        default:
            throw WorkspaceError(
                file: file, key: key + ".type",
                message:
                    tr(
                        "unknown type \"%@\" (string, integer, decimal, boolean, date, datetime, enum, reference)",
                        typeName))
        }
        return FieldDefinition(
            name, type, try string(declaration["description"], key + ".description") ?? "",
            required: try boolean(declaration["required"], key + ".required") ?? false,
            custom: true)
    }

    private func sourceMapping(
        _ body: [String: ConfigValue], key: String, entity: EntityDefinition,
        sources: [String: SourceDefinition], formats: ValueFormats
    ) throws(WorkspaceError) -> SourceMapping {
        try allowOnly(
            body,
            [
                "source", "file", "format", "encoding", "delimiter", "distinct", "match_columns",
                "fields", "custom", "formats", "widths", "column_names", "drop", "keep", "table", "query",
            ],
            at: key)
        let source: SourceDefinition
        if let sourceName = try string(body["source"], key + ".source") {
            guard let named = sources[sourceName] else {
                throw WorkspaceError(
                    file: file, key: key + ".source",
                    message: tr("no source named %@ under [sources]", sourceName))
            }
            source = named
        } else if sources.count == 1, let only = sources.values.first {
            source = only
        } else {
            throw WorkspaceError(
                file: file, key: key + ".source",
                message: tr("several sources are declared: say which one feeds this entity"))
        }
        let path: String
        var database: DatabaseRelation?
        switch source.kind {
        case .file:
            path = source.path
        case .sqlite, .postgres:
            path = source.path
            database = try databaseRelation(body, key: key, source: source, entity: entity)
        case .folder:
            if let databaseKey = ["table", "query"].first(where: { body[$0] != nil }) {
                throw WorkspaceError(
                    file: file, key: "\(key).\(databaseKey)",
                    message: tr("%@ is for database sources; source %@ is a folder", databaseKey, source.name))
            }
            guard let name = try string(body["file"], key + ".file") else {
                throw WorkspaceError(
                    file: file, key: key + ".file",
                    message: tr("name the file in source %@ that feeds %@", source.name, entity.name))
            }
            path = name.hasPrefix("/") ? name : (source.path as NSString).appendingPathComponent(name)
        }
        let format: SourceMapping.FileFormat
        if let declared = try string(body["format"], key + ".format") {
            guard let known = SourceMapping.FileFormat(rawValue: declared) else {
                throw WorkspaceError(
                    file: file, key: key + ".format",
                    message: tr("format must be csv, json, ndjson, whitespace or fixed"))
            }
            format = known
        } else {
            switch (path as NSString).pathExtension.lowercased() {
            case "json": format = .json
            case "ndjson", "jsonl": format = .ndjson
            default: format = .csv
            }
        }
        let textLayout = try alignedTextLayout(body, key: key, format: format)
        let rowFilters = try self.rowFilters(body, key: key)
        let fileFormats = try parseFormats(body["formats"], base: formats, key: key + ".formats")
        var fields: [FieldMapping] = []
        if let declared = try table(body["fields"], key + ".fields") {
            for name in declared.keys.sorted() {
                guard let field = entity.field(named: name) else {
                    throw WorkspaceError(
                        file: file, key: "\(key).fields.\(name)",
                        message:
                            tr("%@ has no field %@; declare it under [%@.custom] with a type", entity.name, name, key))
                }
                guard let value = declared[name] else { continue }
                fields.append(
                    try fieldMapping(field, value, key: "\(key).fields.\(name)", formats: fileFormats))
            }
        }
        if let declarations = try table(body["custom"], key + ".custom") {
            for name in declarations.keys.sorted() {
                guard let field = entity.field(named: name), let value = declarations[name] else {
                    continue
                }
                var mapping = try fieldMapping(
                    field, value, key: "\(key).custom.\(name)", formats: fileFormats)
                if case .column(let column) = mapping.origin, column.isEmpty {
                    mapping.origin = .column(name)
                }
                fields.append(mapping)
            }
        }
        let distinct = try boolean(body["distinct"], key + ".distinct") ?? false
        let matchColumns = try boolean(body["match_columns"], key + ".match_columns") ?? !distinct
        var displayPath: String =
            path.hasPrefix(directory + "/") ? String(path.dropFirst(directory.count + 1)) : path
        if source.kind == .postgres {
            // A server has no file: its parts read `crm:deals` (the source, then the table or entity).
            displayPath = source.name
        }
        switch database {
        case .table(let table): displayPath += ":" + table
        case .query: displayPath += ":" + entity.name
        case nil: break
        }
        var mapping = SourceMapping(
            path: path, displayPath: displayPath, format: format,
            dialect: CSVDialect(
                delimiter: try delimiter(body["delimiter"], key + ".delimiter") ?? source.delimiter,
                encoding: try encoding(body["encoding"], key + ".encoding") ?? source.encoding),
            distinct: distinct, fields: fields, matchesColumnsByName: matchColumns,
            formats: fileFormats, key: key)
        mapping.sourceName = source.name
        mapping.database = database
        mapping.textLayout = textLayout
        mapping.rowFilters = rowFilters
        return mapping
    }

    /// The `table` or `query` of a mapping on a database source: exactly one, not empty; a
    /// file mapping's keys (`file`, `format`, …) are refused.
    private func databaseRelation(
        _ body: [String: ConfigValue], key: String, source: SourceDefinition, entity: EntityDefinition
    ) throws(WorkspaceError) -> DatabaseRelation {
        for fileKey in ["file", "format", "encoding", "delimiter", "widths", "column_names"] where body[fileKey] != nil
        {
            throw WorkspaceError(
                file: file, key: "\(key).\(fileKey)",
                message: tr("%@ is for files; source %@ is a %@ database", fileKey, source.name, source.kind.rawValue))
        }
        let table = try string(body["table"], key + ".table")
        let query = try string(body["query"], key + ".query")
        switch (table, query) {
        case (let table?, nil):
            guard !table.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw WorkspaceError(file: file, key: key + ".table", message: tr("the table name is empty"))
            }
            return .table(table)
        case (nil, let query?):
            guard !query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw WorkspaceError(file: file, key: key + ".query", message: tr("the query is empty"))
            }
            return .query(query)
        case (.some, .some):
            throw WorkspaceError(
                file: file, key: key + ".query", message: tr("give a table or a query for %@, not both", entity.name))
        case (nil, nil):
            throw WorkspaceError(
                file: file, key: key + ".table",
                message: tr(
                    "name the table (table = \"…\") or the query (query = \"SELECT …\") in source %@ that feeds %@",
                    source.name, entity.name))
        }
    }

    private func fieldMapping(
        _ field: FieldDefinition, _ value: ConfigValue, key: String, formats: ValueFormats
    ) throws(WorkspaceError) -> FieldMapping {
        if case .string(let column) = value {
            return FieldMapping(
                field: field, origin: .column(column), valueMap: [:], temporalFormat: nil,
                defaultValue: nil)
        }
        guard case .table(let spec) = value else {
            throw mismatch(value, tr("a column name or an inline table"), key)
        }
        try allowOnly(
            spec,
            [
                "column", "columns", "separator", "date", "time", "value", "map", "format",
                "default", "null", "type", "values", "references", "description", "required",
            ], at: key)
        let origin = try fieldOrigin(spec, field: field, key: key)
        if case .column(let column) = origin, column.isEmpty, !field.isCustom {
            throw WorkspaceError(
                file: file, key: key, message: tr("say which column feeds %@ (column = \"…\")", field.name))
        }
        var valueMap: [String: String] = [:]
        if let map = try table(spec["map"], key + ".map") {
            for (from, to) in map {
                valueMap[from] = try mapTarget(to, field: field, key: "\(key).map.\(from)")
            }
        }
        var format: TemporalFormat?
        if let pattern = try string(spec["format"], key + ".format") {
            guard field.type == .date || field.type == .datetime else {
                throw WorkspaceError(
                    file: file, key: key + ".format",
                    message: tr("format applies to date and datetime fields only"))
            }
            format = try temporal(pattern, key + ".format")
        } else if spec["date"] != nil, field.type == .datetime {
            format = try dateAndTimeFormat(formats.date, key: key)
        }
        var mapping = FieldMapping(
            field: field, origin: origin, valueMap: valueMap, temporalFormat: format,
            defaultValue: try spec["default"].map { value throws(WorkspaceError) in
                try scalarText(value, key + ".default")
            })
        mapping.nullWords = try strings(spec["null"], key + ".null") ?? []
        return mapping
    }
}
