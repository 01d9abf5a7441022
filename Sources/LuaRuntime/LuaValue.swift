/// A Lua value on the Swift side of the boundary.
///
/// Conversions from Lua are raw (no metamethod runs) and bounded by ``LuaLimits``.
/// Strings that are not valid UTF-8 are repaired with U+FFFD when converted to Swift.
/// A value holding a ``LuaFunction`` belongs to that function's VM.
///
/// ```swift
/// let scope: LuaValue = ["owner": "ana", "limit": 10, "weights": [0.5, 0.5]]
/// ```
public enum LuaValue: Equatable {
    /// `nil`.
    case `nil`
    /// `true` or `false`.
    case boolean(Bool)
    /// A Lua integer (subtype of number).
    case integer(Int64)
    /// A Lua float (subtype of number).
    case number(Double)
    /// A string.
    case string(String)
    /// A table, copied by value.
    case table(LuaTable)
    /// A reference to a Lua function in one VM.
    case function(LuaFunction)

    /// A table that Lua receives with the metatable registered under `metatable`.
    ///
    /// Trusted prelude code registers metatables with `__host.register_metatable(name, mt)`;
    /// pushing a table whose metatable name is unknown fails with a `hostAPI` error.
    ///
    /// - Parameters:
    ///   - table: the raw contents.
    ///   - metatable: the registered name, for example `"decimal"`.
    public static func table(_ table: LuaTable, metatable: String) -> LuaValue {
        var copy = table
        copy.metatableName = metatable
        return .table(copy)
    }

    /// Lua's name for the value's type (`"nil"`, `"boolean"`, `"number"`, ...).
    public var typeName: String {
        switch self {
        case .nil: "nil"
        case .boolean: "boolean"
        case .integer, .number: "number"
        case .string: "string"
        case .table: "table"
        case .function: "function"
        }
    }

    /// Whether Lua treats the value as true (everything except `nil` and `false`).
    public var isTruthy: Bool {
        switch self {
        case .nil, .boolean(false): false
        default: true
        }
    }

    /// The boolean, or nil for other types.
    public var booleanValue: Bool? {
        if case .boolean(let value) = self { return value }
        return nil
    }

    /// The integer, also for floats with an exact integer value; nil otherwise.
    public var integerValue: Int64? {
        switch self {
        case .integer(let value): return value
        case .number(let value):
            guard value.rounded() == value, let exact = Int64(exactly: value) else { return nil }
            return exact
        default: return nil
        }
    }

    /// The number as a `Double` (integers are converted); nil for other types.
    public var numberValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    /// The string, or nil for other types (numbers are not converted).
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The table, or nil for other types.
    public var tableValue: LuaTable? {
        if case .table(let value) = self { return value }
        return nil
    }

    /// The function, or nil for other types.
    public var functionValue: LuaFunction? {
        if case .function(let value) = self { return value }
        return nil
    }
}

extension LuaValue: ExpressibleByNilLiteral {
    /// Creates `nil`.
    public init(nilLiteral: ()) { self = .nil }
}

extension LuaValue: ExpressibleByBooleanLiteral {
    /// Creates a boolean.
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
}

extension LuaValue: ExpressibleByIntegerLiteral {
    /// Creates an integer.
    public init(integerLiteral value: Int64) { self = .integer(value) }
}

extension LuaValue: ExpressibleByFloatLiteral {
    /// Creates a float.
    public init(floatLiteral value: Double) { self = .number(value) }
}

extension LuaValue: ExpressibleByStringLiteral {
    /// Creates a string.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension LuaValue: ExpressibleByArrayLiteral {
    /// Creates a sequence table.
    public init(arrayLiteral elements: LuaValue...) { self = .table(LuaTable(array: elements)) }
}

extension LuaValue: ExpressibleByDictionaryLiteral {
    /// Creates a table with the given keys.
    public init(dictionaryLiteral elements: (LuaKey, LuaValue)...) {
        var table = LuaTable(array: [], hash: [:], metatableName: nil)
        for (key, value) in elements { table[key] = value }
        self = .table(table)
    }
}
