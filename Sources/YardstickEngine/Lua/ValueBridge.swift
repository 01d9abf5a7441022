import LuaRuntime
import YardstickData
import YardstickLocalization
import YardstickQuery

/// Converts values between the query engine and Lua: decimals, dates and missing values cross
/// as tables with the prelude's metatables, so money stays exact in scripts.
enum ValueBridge {
    /// The Lua form of a query result.
    static func lua(_ value: QueryValue, entity: String? = nil) -> LuaValue {
        switch value {
        case .missing(let reason): return .table(["reason": .string(reason)], metatable: "missing")
        case .integer(let number): return .integer(number)
        case .number(let number): return .number(number)
        case .decimal(let decimal): return .table(["scaled": .integer(decimal.scaled)], metatable: "decimal")
        case .text(let text): return .string(text)
        case .boolean(let flag): return .boolean(flag)
        case .date(let day): return date(day)
        case .datetime(let seconds): return .table(["seconds": .integer(seconds)], metatable: "datetime")
        case .list(let values): return .table(LuaTable(array: values.map { lua($0) }))
        case .groups(let pairs):
            var table = LuaTable()
            for (key, value) in pairs { table[luaKey(key)] = lua(value) }
            return .table(table)
        case .rows(let rows): return .table(LuaTable(array: rows.map { .integer(Int64($0)) }))
        }
    }

    /// A date value.
    static func date(_ day: Int32) -> LuaValue {
        .table(["day": .integer(Int64(day))], metatable: "date")
    }

    private static func luaKey(_ value: QueryValue) -> LuaKey {
        switch value {
        case .integer(let number): .integer(number)
        case .boolean(let flag): .boolean(flag)
        default: .string(value.description)
        }
    }

    /// The operand a script passed to `where` or `between`.
    static func operand(_ value: LuaValue, field: String) throws(HostError) -> Operand {
        switch value {
        case .string(let text): return .text(text)
        case .integer(let number): return .integer(number)
        case .number(let number): return .number(number)
        case .boolean(let flag): return .boolean(flag)
        case .table(let table):
            switch table.metatableName {
            case "date"?:
                if let day = table["day"].integerValue { return .date(Int32(clamping: day)) }
            case "decimal"?:
                if let scaled = table["scaled"].integerValue { return .decimal(ExactDecimal(scaled: scaled)) }
            case "datetime"?:
                if let seconds = table["seconds"].integerValue { return .datetime(seconds) }
            case nil:
                // A field(…) expression, as the prelude's views pass it (fields.lua).
                if let code = table["expression"].stringValue { return .measure(try MeasureCode.decode(code)) }
            default: break
            }
            throw HostError(tr("where{%@ = …}: cannot compare with a table", field))
        default:
            throw HostError(tr("where{%@ = …}: cannot compare with %@", field, value.typeName))
        }
    }

    /// The indicator result of a value returned by a script.
    static func result(_ value: LuaValue?) -> ResultValue {
        switch value ?? .nil {
        case .nil: return .missing(reason: "no value returned")
        case .integer(let number): return .integer(number)
        case .number(let number):
            guard number.isFinite else { return .missing(reason: "not a finite number (\(number))") }
            return .number(number)
        case .table(let table):
            switch table.metatableName {
            case "decimal"?:
                if let scaled = table["scaled"].integerValue { return .decimal(ExactDecimal(scaled: scaled)) }
            case "missing"?:
                return .missing(reason: table["reason"].stringValue ?? "no value")
            default: break
            }
            return .failed(message: tr("value returned a table; return a number, a decimal or missing(reason)"))
        case let other:
            return .failed(
                message: tr("value returned a %@; return a number, a decimal or missing(reason)", other.typeName))
        }
    }

    // MARK: Flat form
    //
    // Scalars cross in bulk (prefetched query values, columns, task results) as a kind letter
    // and a plain Lua value, which the prelude turns into value objects only where needed:
    // n: a number as is, d: a decimal as its scaled integer, m: missing, as its reason; in
    // columns also t: a date as its day number.

    /// The kind letter of a number.
    static let flatNumber = UInt8(ascii: "n")
    /// The kind letter of a decimal (its scaled integer).
    static let flatDecimal = UInt8(ascii: "d")
    /// The kind letter of a missing value (its reason).
    static let flatMissing = UInt8(ascii: "m")

    /// The kind letter of a date (its day number); only in columns (``flat(_:dates:)``).
    static let flatDate = UInt8(ascii: "t")

    /// The flat form of a scalar query value; nil for lists, groups, rows, text, date-times,
    /// and dates unless `dates` (columns carry them; prefetched values do not).
    static func flat(_ value: QueryValue, dates: Bool = false) -> (kind: UInt8, value: LuaValue)? {
        switch value {
        case .integer(let number): (flatNumber, .integer(number))
        case .number(let number): (flatNumber, .number(number))
        case .decimal(let decimal): (flatDecimal, .integer(decimal.scaled))
        case .missing(let reason): (flatMissing, .string(reason))
        case .date(let day) where dates: (flatDate, .integer(Int64(day)))
        default: nil
        }
    }

    /// The indicator result of a value in flat form; nil when kind and value do not match.
    static func result(kind: UInt8, value: LuaValue?) -> ResultValue? {
        switch (kind, value) {
        case (flatNumber, _): result(value)
        case (flatDecimal, .integer(let scaled)?): .decimal(ExactDecimal(scaled: scaled))
        case (flatMissing, .string(let reason)?): .missing(reason: reason)
        default: nil
        }
    }
}
