import Foundation
import YardstickLocalization

/// Turns the text of `yardstick.toml` into a validated ``Workspace``.
///
/// Unknown keys are errors, not ignored: a misspelt `encodng` should not silently load a file
/// in the wrong encoding. Top-level tables other than YardstickData's own go to the registered
/// ``WorkspaceSection`` of their key.
struct WorkspaceParser {
    let directory: String
    let file = "yardstick.toml"
    /// The sections other modules registered.
    var sections = WorkspaceSections()

    func parse(_ text: String) throws(WorkspaceError) -> Workspace {
        let root = try ConfigValue.parse(toml: text, file: file)
        try allowOnly(root, WorkspaceSections.builtInKeys.union(sections.keys), at: nil)
        let header = try table(root["workspace"], "workspace") ?? [:]
        try allowOnly(header, ["name", "locale", "timezone"], at: "workspace")
        let zoneName = try string(header["timezone"], "workspace.timezone") ?? "UTC"
        guard let zone = TimeZone(identifier: zoneName) else {
            throw WorkspaceError(
                file: file, key: "workspace.timezone",
                message: tr("unknown time zone \"%@\" (use an IANA name such as Asia/Shanghai)", zoneName))
        }
        let locale = try string(header["locale"], "workspace.locale") ?? "en"
        guard ["en", "zh-CN", "zh"].contains(locale) else {
            throw WorkspaceError(
                file: file, key: "workspace.locale", message: tr("locale must be \"en\" or \"zh-CN\""))
        }
        let calendar = try parseCalendar(root["calendar"])
        let sources = try parseSources(root["sources"])
        let formats = try parseFormats(root["formats"], base: ValueFormats(), key: "formats")
        let entities = try parseEntities(root["entities"], sources: sources, formats: formats)
        var workspace = Workspace(
            directory: directory,
            name: try string(header["name"], "workspace.name")
                ?? URL(fileURLWithPath: directory).lastPathComponent,
            locale: locale == "zh" ? "zh-CN" : locale, timeZone: zone, calendar: calendar,
            sources: sources, formats: formats, entities: entities)
        workspace.declaresLocale = header["locale"] != nil
        workspace.subjects = try parseSubjects(root["subjects"], entities: entities)
        workspace.snapshot = try parseSnapshot(root["snapshot"])
        workspace.sectionValues = try parseSections(root, text: text)
        return workspace
    }

    /// Hands each registered section its table, in key order; the values by key.
    private func parseSections(_ root: [String: ConfigValue], text: String) throws(WorkspaceError)
        -> [String: any Sendable]
    {
        let present = sections.keys.filter { root[$0] != nil }.sorted()
        guard !present.isEmpty else { return [:] }
        let lines = WorkspaceKeyLines.scan(text)
        var values: [String: any Sendable] = [:]
        for key in present {
            guard case .table(let entries)? = root[key] else {
                let found = root[key].map(\.typeName) ?? "nothing"
                throw WorkspaceError(
                    file: file, line: lines.line(of: key), key: key, message: tr("expected a table, found %@", found))
            }
            let table = WorkspaceTable(key: key, file: file, entries: entries, lines: lines)
            values[key] = try sections.parse(table, key: key)
        }
        return values
    }

    // MARK: Sections

    private func parseCalendar(_ value: ConfigValue?) throws(WorkspaceError) -> CalendarSettings {
        guard let section = try table(value, "calendar") else { return CalendarSettings() }
        try allowOnly(section, ["fiscal_year_start", "week_start"], at: "calendar")
        var settings = CalendarSettings()
        if let month = try integer(section["fiscal_year_start"], "calendar.fiscal_year_start") {
            guard (1...12).contains(month) else {
                throw WorkspaceError(
                    file: file, key: "calendar.fiscal_year_start", message: tr("must be a month, 1 to 12"))
            }
            settings.fiscalYearStartMonth = month
        }
        if let day = try string(section["week_start"], "calendar.week_start") {
            let days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
            guard let index = days.firstIndex(of: day.lowercased()) else {
                throw WorkspaceError(
                    file: file, key: "calendar.week_start", message: tr("must be a day name such as monday"))
            }
            settings.weekStart = index + 1
        }
        return settings
    }

    private func parseSources(_ value: ConfigValue?) throws(WorkspaceError)
        -> [String: SourceDefinition]
    {
        guard let section = try table(value, "sources") else {
            // Without a [sources] table, files are looked up in data/.
            return [
                "data": SourceDefinition(
                    name: "data", kind: .folder, path: absolute("data"), encoding: .automatic,
                    delimiter: UInt8(ascii: ","))
            ]
        }
        var sources: [String: SourceDefinition] = [:]
        for (name, entry) in section {
            let key = "sources.\(name)"
            guard let body = try table(entry, key) else { continue }
            let kindName = try string(body["kind"], key + ".kind") ?? "folder"
            guard let kind = SourceDefinition.Kind(rawValue: kindName) else {
                throw WorkspaceError(
                    file: file, key: key + ".kind",
                    message: tr("unknown source kind \"%@\" (supported: folder, file, sqlite, postgres)", kindName))
            }
            if kind == .postgres {
                sources[name] = try serverSource(name, body, key: key)
                continue
            }
            try allowOnly(body, ["kind", "path", "encoding", "delimiter"], at: key)
            guard let path = try string(body["path"], key + ".path") else {
                throw WorkspaceError(file: file, key: key + ".path", message: tr("a source needs a path"))
            }
            sources[name] = SourceDefinition(
                name: name, kind: kind, path: absolute(path),
                encoding: try encoding(body["encoding"], key + ".encoding") ?? .automatic,
                delimiter: try delimiter(body["delimiter"], key + ".delimiter") ?? UInt8(ascii: ","))
        }
        return sources
    }

    /// A `kind = "postgres"` source: its `url` (without a password) and `password_env`.
    private func serverSource(_ name: String, _ body: [String: ConfigValue], key: String) throws(WorkspaceError)
        -> SourceDefinition
    {
        try allowOnly(body, ["kind", "url", "password_env"], at: key)
        guard let url = try string(body["url"], key + ".url") else {
            throw WorkspaceError(
                file: file, key: key + ".url",
                message: tr("a postgres source needs a url such as \"postgresql://user@host:5432/database\""))
        }
        let variable = try string(body["password_env"], key + ".password_env")
        if let variable, variable.isEmpty || variable.contains("=") {
            throw WorkspaceError(
                file: file, key: key + ".password_env",
                message: tr("must name an environment variable, such as CRM_PASSWORD"))
        }
        switch DatabaseServer.parse(url, passwordVariable: variable) {
        case .success(let server):
            var source = SourceDefinition(
                name: name, kind: .postgres, path: server.displayURL, encoding: .utf8, delimiter: UInt8(ascii: ","))
            source.server = server
            return source
        case .failure(let problem):
            throw WorkspaceError(file: file, key: key + ".url", message: tr("the URL %@", problem.reason))
        }
    }

    func parseFormats(_ value: ConfigValue?, base: ValueFormats, key: String)
        throws(WorkspaceError) -> ValueFormats
    {
        guard let section = try table(value, key) else { return base }
        try allowOnly(
            section,
            ["date", "datetime", "decimal_separator", "thousands_separator", "true", "false", "null"],
            at: key)
        var formats = base
        if let pattern = try string(section["date"], key + ".date") {
            formats.date = try temporal(pattern, key + ".date")
        }
        if let pattern = try string(section["datetime"], key + ".datetime") {
            formats.datetime = try temporal(pattern, key + ".datetime")
        }
        if let separator = try delimiter(section["decimal_separator"], key + ".decimal_separator") {
            formats.decimalSeparator = separator
        }
        if let separator = try delimiter(section["thousands_separator"], key + ".thousands_separator") {
            formats.groupingSeparator = separator
        }
        if let words = try strings(section["true"], key + ".true") { formats.trueWords = words }
        if let words = try strings(section["false"], key + ".false") { formats.falseWords = words }
        if let words = try strings(section["null"], key + ".null") { formats.nullWords = words }
        return formats
    }

    // MARK: Value helpers

    func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }

    func allowOnly(_ table: [String: ConfigValue], _ keys: Set<String>, at key: String?)
        throws(WorkspaceError)
    {
        for name in table.keys.sorted() where !keys.contains(name) {
            let path = key.map { "\($0).\(name)" } ?? name
            throw WorkspaceError(
                file: file, key: path,
                message: tr("unknown key (expected one of: %@)", keys.sorted().joined(separator: ", ")))
        }
    }

    func table(_ value: ConfigValue?, _ key: String) throws(WorkspaceError) -> [String: ConfigValue]? {
        guard let value else { return nil }
        guard case .table(let table) = value else { throw mismatch(value, tr("a table"), key) }
        return table
    }

    func string(_ value: ConfigValue?, _ key: String) throws(WorkspaceError) -> String? {
        guard let value else { return nil }
        guard case .string(let text) = value else { throw mismatch(value, tr("a string"), key) }
        return text
    }

    func integer(_ value: ConfigValue?, _ key: String) throws(WorkspaceError) -> Int? {
        guard let value else { return nil }
        guard case .integer(let number) = value else { throw mismatch(value, tr("an integer"), key) }
        return number
    }

    func boolean(_ value: ConfigValue?, _ key: String) throws(WorkspaceError) -> Bool? {
        guard let value else { return nil }
        guard case .boolean(let flag) = value else { throw mismatch(value, tr("true or false"), key) }
        return flag
    }

    func strings(_ value: ConfigValue?, _ key: String) throws(WorkspaceError) -> [String]? {
        guard let value else { return nil }
        guard case .array(let items) = value else { throw mismatch(value, tr("an array of strings"), key) }
        var result: [String] = []
        for item in items {
            guard case .string(let text) = item else {
                throw mismatch(item, tr("an array of strings"), key)
            }
            result.append(text)
        }
        return result
    }

    /// Scalars written as TOML numbers or booleans are accepted where text is expected
    /// (`default = 0`), as their TOML spelling.
    func scalarText(_ value: ConfigValue, _ key: String) throws(WorkspaceError) -> String {
        switch value {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .double(let number): return String(number)
        case .boolean(let flag): return flag ? "true" : "false"
        default: throw mismatch(value, tr("a string"), key)
        }
    }

    func temporal(_ pattern: String, _ key: String) throws(WorkspaceError) -> TemporalFormat {
        do {
            return try TemporalFormat(pattern)
        } catch {
            throw WorkspaceError(
                file: file, key: key,
                message:
                    tr(
                        "unsupported directive %@ in \"%@\" (supported: %%Y %%y %%m %%b %%d %%H %%M %%S %%z, or \"auto\")",
                        error.directive, pattern))
        }
    }

    func encoding(_ value: ConfigValue?, _ key: String) throws(WorkspaceError) -> TextEncoding? {
        guard let name = try string(value, key) else { return nil }
        guard let encoding = TextEncoding(name: name) else {
            throw WorkspaceError(
                file: file, key: key, message: tr("unknown encoding \"%@\" (utf-8, gb18030, auto)", name))
        }
        return encoding
    }

    func delimiter(_ value: ConfigValue?, _ key: String) throws(WorkspaceError) -> UInt8? {
        guard let text = try string(value, key) else { return nil }
        if text == "\\t" || text == "\t" { return 0x09 }
        guard text.utf8.count == 1, let byte = text.utf8.first else {
            throw WorkspaceError(file: file, key: key, message: tr("must be a single character"))
        }
        return byte
    }

    func mismatch(_ value: ConfigValue, _ expected: String, _ key: String) -> WorkspaceError {
        WorkspaceError(file: file, key: key, message: tr("expected %@, found %@", expected, value.typeName))
    }
}
