import Foundation
import YardstickLocalization

/// The parts of a source mapping that describe real exports as they come: fields built from
/// several columns or from a date and a time column, value-map targets, row filters and the
/// layout of aligned text files.
extension WorkspaceParser {
    /// Where a field's values come from: `value`, `column`, `columns` (+ `separator`), or
    /// `date` + `time`.
    func fieldOrigin(_ spec: [String: ConfigValue], field: FieldDefinition, key: String)
        throws(WorkspaceError) -> FieldMapping.Origin
    {
        let given = ["value", "column", "columns", "date"].filter { spec[$0] != nil }
        if given.count > 1 {
            throw WorkspaceError(
                file: file, key: key,
                message: tr("give only one of %@ (a field has one origin)", given.joined(separator: ", ")))
        }
        if spec["separator"] != nil, spec["columns"] == nil {
            throw WorkspaceError(
                file: file, key: key + ".separator", message: tr("separator applies to columns = [...] only"))
        }
        if (spec["date"] == nil) != (spec["time"] == nil) {
            throw WorkspaceError(
                file: file, key: key,
                message: tr("date and time go together: date = \"date column\", time = \"time column\""))
        }
        if let constant = spec["value"] {
            return .constant(try scalarText(constant, key + ".value"))
        }
        if let list = try strings(spec["columns"], key + ".columns") {
            guard list.count >= 2, !list.contains(where: \.isEmpty) else {
                throw WorkspaceError(
                    file: file, key: key + ".columns",
                    message: tr("columns lists two or more column names (use column = \"…\" for one)"))
            }
            return .columns(list, separator: try string(spec["separator"], key + ".separator") ?? "-")
        }
        if let dateColumn = try string(spec["date"], key + ".date"),
            let timeColumn = try string(spec["time"], key + ".time")
        {
            guard field.type == .datetime else {
                throw WorkspaceError(
                    file: file, key: key,
                    message: tr("date and time build a datetime; %@ is not a datetime field", field.name))
            }
            return .columns([dateColumn, timeColumn], separator: " ")
        }
        return .column(try string(spec["column"], key + ".column") ?? "")
    }

    /// The pattern of a datetime read from a date and a time column: the date format, a
    /// space, then `%H:%M:%S` (whose hour may have one digit); ISO 8601 when the date format
    /// is `auto`.
    func dateAndTimeFormat(_ date: TemporalFormat, key: String) throws(WorkspaceError)
        -> TemporalFormat
    {
        date.pattern == TemporalFormat.automatic.pattern
            ? .automatic : try temporal(date.pattern + " %H:%M:%S", key + ".format")
    }

    /// A value-map target, checked against the field's type.
    ///
    /// Targets are written in the vocabulary's own spelling whatever the workspace's value
    /// formats: `true`/`false` for booleans (a TOML boolean or the word), `1234.5` for numbers,
    /// an enum value for enums. An empty target maps to null.
    func mapTarget(_ value: ConfigValue, field: FieldDefinition, key: String)
        throws(WorkspaceError) -> String
    {
        let target = try scalarText(value, key)
        if target.isEmpty { return target }
        switch field.type {
        case .enumeration(let allowed):
            guard allowed.contains(target) else {
                throw WorkspaceError(
                    file: file, key: key,
                    message:
                        tr("\"%@\" is not a value of %@ (%@)", target, field.name, allowed.joined(separator: ", ")))
            }
        case .boolean:
            let word = target.lowercased()
            guard word == "true" || word == "false" else {
                throw WorkspaceError(
                    file: file, key: key,
                    message: tr("\"%@\" is not a target of boolean field %@ (write true or false)", target, field.name))
            }
            return word
        case .integer:
            let valid = Array(target.utf8).withUnsafeBytes { bytes in
                ColumnBuilder.parseInteger(bytes, grouping: nil) != nil
                    || (DurationText.isDurationField(field) && DurationText.seconds(bytes) != nil)
            }
            guard valid else {
                throw WorkspaceError(
                    file: file, key: key,
                    message: tr("\"%@\" is not a target of integer field %@ (write a whole number)", target, field.name)
                )
            }
        case .decimal:
            let valid = Array(target.utf8).withUnsafeBytes { bytes in
                ExactDecimal.parse(bytes, decimalSeparator: UInt8(ascii: "."), groupingSeparator: nil) != nil
            }
            guard valid else {
                throw WorkspaceError(
                    file: file, key: key,
                    message:
                        tr(
                            "\"%@\" is not a target of decimal field %@ (write a number such as 12.5)", target,
                            field.name))
            }
        default: break
        }
        return target
    }

    /// `widths` and `column_names` of a `whitespace` or `fixed` file.
    func alignedTextLayout(
        _ body: [String: ConfigValue], key: String, format: SourceMapping.FileFormat
    ) throws(WorkspaceError) -> AlignedTextLayout {
        let aligned = format == .whitespace || format == .fixed
        var widths: [Int] = []
        if let value = body["widths"] {
            guard format == .fixed else {
                throw WorkspaceError(
                    file: file, key: key + ".widths", message: tr("widths apply to format = \"fixed\" only"))
            }
            guard case .array(let items) = value else {
                throw mismatch(value, tr("an array of widths"), key + ".widths")
            }
            for item in items {
                guard case .integer(let width) = item, width > 0 else {
                    throw WorkspaceError(
                        file: file, key: key + ".widths",
                        message: tr("widths are whole numbers of characters, 1 or more"))
                }
                widths.append(width)
            }
        }
        if format == .fixed, widths.isEmpty {
            throw WorkspaceError(
                file: file, key: key + ".widths",
                message: tr("a fixed-width file lists its column widths: widths = [6, 9, 3, 8]"))
        }
        let names = try strings(body["column_names"], key + ".column_names")
        if let names {
            guard aligned else {
                throw WorkspaceError(
                    file: file, key: key + ".column_names",
                    message: tr("column_names apply to whitespace and fixed files only"))
            }
            if format == .fixed, names.count != widths.count {
                throw WorkspaceError(
                    file: file, key: key + ".column_names",
                    message: tr("%@ column names for %@ widths", names.count, widths.count))
            }
        }
        return AlignedTextLayout(widths: widths, columnNames: names)
    }

    /// The `drop` and `keep` filters of a mapping: `drop = { outcome = "PHANTOM" }`,
    /// `keep = { type = ["PS", "PE"] }`.
    func rowFilters(_ body: [String: ConfigValue], key: String) throws(WorkspaceError) -> [RowFilter] {
        var filters: [RowFilter] = []
        for action in [RowFilter.Action.drop, .keep] {
            let actionKey = key + "." + action.rawValue
            guard let conditions = try table(body[action.rawValue], actionKey) else { continue }
            for column in conditions.keys.sorted() {
                guard let value = conditions[column] else { continue }
                let columnKey = "\(actionKey).\(column)"
                var values: [String] = []
                if case .array(let items) = value {
                    for item in items { values.append(try scalarText(item, columnKey)) }
                } else {
                    values.append(try scalarText(value, columnKey))
                }
                guard !values.isEmpty else {
                    throw WorkspaceError(
                        file: file, key: columnKey, message: tr("list the values to %@", action.rawValue))
                }
                filters.append(RowFilter(action: action, column: column, values: values))
            }
        }
        return filters
    }
}
