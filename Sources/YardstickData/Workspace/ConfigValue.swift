internal import TOMLKit
import YardstickLocalization

/// A parsed TOML value, detached from the TOML library so the rest of the module does not
/// depend on it.
enum ConfigValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case double(Double)
    case boolean(Bool)
    case array([ConfigValue])
    case table([String: ConfigValue])
    case other(String)

    /// Parses TOML text.
    static func parse(toml text: String, file: String) throws(WorkspaceError) -> [String: ConfigValue] {
        if let bad = TableHeaderCheck.firstBadHeader(in: text) {
            throw WorkspaceError(
                file: file, line: bad.line,
                message: tr("not valid TOML: a table header must start with a key, found %@", bad.found))
        }
        do {
            let table = try TOMLTable(string: text)
            return convert(table)
        } catch let error as TOMLParseError {
            throw WorkspaceError(
                file: file, line: Int(error.source.begin.line),
                message: tr("not valid TOML: %@", error.description))
        } catch {
            throw WorkspaceError(file: file, message: tr("not valid TOML: %@", error))
        }
    }

    private static func convert(_ table: TOMLTable) -> [String: ConfigValue] {
        var result: [String: ConfigValue] = [:]
        for (key, value) in table { result[key] = convert(value) }
        return result
    }

    private static func convert(_ value: TOMLValueConvertible) -> ConfigValue {
        switch value.type {
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .double: return .double(value.double ?? 0)
        case .bool: return .boolean(value.bool ?? false)
        case .array: return .array((value.array ?? []).map { convert($0) })
        case .table: return .table(value.table.map { convert($0) } ?? [:])
        default: return .other(value.debugDescription)
        }
    }

    var typeName: String {
        switch self {
        case .string: tr("a string")
        case .integer: tr("an integer")
        case .double: tr("a number")
        case .boolean: tr("a boolean")
        case .array: tr("an array")
        case .table: tr("a table")
        case .other: tr("a date/time")
        }
    }
}
