import YardstickLocalization

/// Other TOML files read with the same located, typed accessors as `yardstick.toml`'s
/// sections: a pack's `pack.toml`, a lock file.
extension WorkspaceTable {
    /// A whole TOML document as one table, its keys the document's top-level keys (dotted
    /// keys in messages start at the top level: `parameters.active_days.default`).
    ///
    /// - Parameters:
    ///   - text: The TOML text.
    ///   - file: The file's name as messages show it.
    /// - Throws: ``WorkspaceError`` when the text is not valid TOML (with its line).
    package static func document(_ text: String, file: String) throws(WorkspaceError) -> WorkspaceTable {
        let entries = try ConfigValue.parse(toml: text, file: file)
        return WorkspaceTable(key: "", file: file, entries: entries, lines: WorkspaceKeyLines.scan(text))
    }

    /// An array of numbers (integers or with a fraction), such as bin edges or weights.
    package func numbers(_ name: String) throws(WorkspaceError) -> [Double]? {
        guard let value = entries[name] else { return nil }
        guard case .array(let items) = value else {
            throw error(at: name, tr("expected an array of numbers, found %@", value.typeName))
        }
        var result: [Double] = []
        for item in items {
            switch item {
            case .integer(let number): result.append(Double(number))
            case .double(let number): result.append(number)
            default: throw error(at: name, tr("expected an array of numbers, found an array holding %@", item.typeName))
            }
        }
        return result
    }

    /// The TOML type of an entry as messages name it (`a string`, `an integer`), nil when absent.
    package func typeName(of name: String) -> String? {
        entries[name]?.typeName
    }
}
