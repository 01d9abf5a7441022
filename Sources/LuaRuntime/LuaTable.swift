/// A key of a ``LuaTable``: the Lua types that make sensible keys for data.
///
/// Float keys with an integer value are stored by Lua as integers; use ``integer(_:)``.
public enum LuaKey: Hashable, Sendable {
    /// A string key.
    case string(String)
    /// An integer key.
    case integer(Int64)
    /// A float key (never NaN).
    case number(Double)
    /// A boolean key.
    case boolean(Bool)

    /// The key as a value.
    public var value: LuaValue {
        switch self {
        case .string(let key): .string(key)
        case .integer(let key): .integer(key)
        case .number(let key): .number(key)
        case .boolean(let key): .boolean(key)
        }
    }
}

extension LuaKey: ExpressibleByStringLiteral {
    /// Creates a string key.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension LuaKey: ExpressibleByIntegerLiteral {
    /// Creates an integer key.
    public init(integerLiteral value: Int64) { self = .integer(value) }
}

/// A Lua table copied into Swift, or built in Swift to be pushed into Lua.
///
/// `array` holds the values at keys `1...array.count` (when read from Lua: up to the
/// first `nil`); `hash` holds every other key. The contents are read raw, without
/// metamethods. `metatableName` names a metatable registered by trusted prelude code:
/// Lua tables that carry one are reported with its name, and Swift tables that set it
/// are pushed with that metatable (see ``LuaValue/table(_:metatable:)``).
public struct LuaTable: Equatable {
    /// Values at keys 1, 2, 3, ...
    public var array: [LuaValue]
    /// Values at all other keys.
    public var hash: [LuaKey: LuaValue]
    /// The registered name of the table's metatable, if it has one.
    public var metatableName: String?

    /// Creates an empty table.
    public init() {
        self.init(array: [], hash: [:], metatableName: nil)
    }

    /// Creates a table from its parts.
    public init(
        array: [LuaValue], hash: [LuaKey: LuaValue] = [:], metatableName: String? = nil
    ) {
        self.array = array
        self.hash = hash
        self.metatableName = metatableName
    }

    /// The value at `key`, or `.nil`; setting keeps 1-based sequences in `array`.
    public subscript(key: LuaKey) -> LuaValue {
        get {
            if case .integer(let index) = key, index >= 1, index <= Int64(array.count) {
                return array[Int(index - 1)]
            }
            return hash[key] ?? .nil
        }
        set {
            if case .integer(let index) = key, index >= 1, index <= Int64(array.count) + 1 {
                if index == Int64(array.count) + 1 {
                    guard newValue != .nil else { return }
                    array.append(newValue)
                    hash[key] = nil
                } else {
                    array[Int(index - 1)] = newValue
                }
                return
            }
            hash[key] = newValue == .nil ? nil : newValue
        }
    }

    /// The value at string key `key`, or `.nil`.
    public subscript(key: String) -> LuaValue {
        get { self[.string(key)] }
        set { self[.string(key)] = newValue }
    }
}

extension LuaTable: ExpressibleByArrayLiteral {
    /// Creates a sequence.
    public init(arrayLiteral elements: LuaValue...) {
        self.init(array: elements)
    }
}

extension LuaTable: ExpressibleByDictionaryLiteral {
    /// Creates a table with the given keys (1-based integer sequences go to `array`).
    public init(dictionaryLiteral elements: (LuaKey, LuaValue)...) {
        self.init(array: [], hash: [:], metatableName: nil)
        for (key, value) in elements { self[key] = value }
    }
}
