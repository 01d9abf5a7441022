import YardstickLocalization

/// A table of `yardstick.toml` as a ``WorkspaceSection`` sees it: typed accessors whose errors
/// name the file, the line and the dotted key.
///
/// Every accessor returns nil when the key is absent and throws ``WorkspaceError`` when the
/// value has another type (`expected a string, found an integer`). Line numbers come from a
/// scan of the file's headers and `key =` lines; a key written inside an inline table gets the
/// line of the nearest enclosing key found.
public struct WorkspaceTable: Sendable {
    /// The dotted key of this table (`targets`, `scorecard.weights`, `packs.list[2]`).
    public let key: String
    /// The file the table was read from, as shown in messages.
    public let file: String
    let entries: [String: ConfigValue]
    let lines: WorkspaceKeyLines

    init(key: String, file: String, entries: [String: ConfigValue], lines: WorkspaceKeyLines) {
        self.key = key
        self.file = file
        self.entries = entries
        self.lines = lines
    }

    /// The table's keys, sorted.
    public var keys: [String] { entries.keys.sorted() }

    /// Whether the table has a value under `name`.
    public func contains(_ name: String) -> Bool { entries[name] != nil }

    /// The dotted key of an entry (`targets.won_revenue`).
    public func path(of name: String) -> String { key.isEmpty ? name : key + "." + name }

    /// The line an entry (or, with nil, the table itself) is written on, when the scan found it.
    public func line(of name: String? = nil) -> Int? {
        lines.line(of: name.map(path(of:)) ?? key)
    }

    /// An error about an entry (or, with nil, the table itself), located by file, line and key.
    public func error(at name: String?, _ message: String) -> WorkspaceError {
        WorkspaceError(file: file, line: line(of: name), key: name.map(path(of:)) ?? key, message: message)
    }

    /// Rejects any key not in `allowed`, naming the first such key (sorted) and listing the
    /// allowed ones, as YardstickData's own tables do.
    public func allowOnly(_ allowed: Set<String>) throws(WorkspaceError) {
        for name in keys where !allowed.contains(name) {
            throw error(at: name, tr("unknown key (expected one of: %@)", allowed.sorted().joined(separator: ", ")))
        }
    }

    /// A string entry.
    public func string(_ name: String) throws(WorkspaceError) -> String? {
        guard let value = entries[name] else { return nil }
        guard case .string(let text) = value else { throw mismatch(value, tr("a string"), name) }
        return text
    }

    /// An integer entry.
    public func integer(_ name: String) throws(WorkspaceError) -> Int? {
        guard let value = entries[name] else { return nil }
        guard case .integer(let number) = value else { throw mismatch(value, tr("an integer"), name) }
        return number
    }

    /// A number entry, written as an integer or with a fraction.
    public func number(_ name: String) throws(WorkspaceError) -> Double? {
        switch entries[name] {
        case nil: return nil
        case .integer(let number)?: return Double(number)
        case .double(let number)?: return number
        case let value?: throw mismatch(value, tr("a number"), name)
        }
    }

    /// A boolean entry.
    public func boolean(_ name: String) throws(WorkspaceError) -> Bool? {
        guard let value = entries[name] else { return nil }
        guard case .boolean(let flag) = value else { throw mismatch(value, tr("true or false"), name) }
        return flag
    }

    /// An array-of-strings entry.
    public func strings(_ name: String) throws(WorkspaceError) -> [String]? {
        guard let value = entries[name] else { return nil }
        guard case .array(let items) = value else { throw mismatch(value, tr("an array of strings"), name) }
        var result: [String] = []
        for item in items {
            guard case .string(let text) = item else { throw mismatch(item, tr("an array of strings"), name) }
            result.append(text)
        }
        return result
    }

    /// A nested table (`[scorecard.weights]`, or an inline table).
    public func table(_ name: String) throws(WorkspaceError) -> WorkspaceTable? {
        guard let value = entries[name] else { return nil }
        guard case .table(let entries) = value else { throw mismatch(value, tr("a table"), name) }
        return WorkspaceTable(key: path(of: name), file: file, entries: entries, lines: lines)
    }

    /// An array of tables (`[[packs.list]]`, or an array of inline tables); the tables' keys
    /// are `name[0]`, `name[1]`….
    public func tables(_ name: String) throws(WorkspaceError) -> [WorkspaceTable]? {
        guard let value = entries[name] else { return nil }
        guard case .array(let items) = value else { throw mismatch(value, tr("an array of tables"), name) }
        var result: [WorkspaceTable] = []
        for (index, item) in items.enumerated() {
            guard case .table(let entries) = item else { throw mismatch(item, tr("an array of tables"), name) }
            result.append(
                WorkspaceTable(key: path(of: name) + "[\(index)]", file: file, entries: entries, lines: lines))
        }
        return result
    }

    private func mismatch(_ value: ConfigValue, _ expected: String, _ name: String) -> WorkspaceError {
        error(at: name, tr("expected %@, found %@", expected, value.typeName))
    }
}
