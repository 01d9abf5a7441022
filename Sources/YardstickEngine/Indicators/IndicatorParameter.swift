/// A value a script reads with `param(name)`: a pack's parameter, with the type its manifest
/// declares (defaults from the manifest, overridden per workspace in `yardstick.toml`).
///
/// The engine only hands the values out; declaring, typing and overriding them is the pack
/// module's business (`YardstickPacks`).
public enum IndicatorParameter: Sendable, Hashable, CustomStringConvertible {
    /// A whole number (Lua integer).
    case integer(Int64)
    /// A number (Lua float).
    case number(Double)
    /// A string.
    case string(String)
    /// A boolean.
    case boolean(Bool)
    /// A list of numbers (Lua array of floats), such as RFM bin edges or weights.
    case numbers([Double])

    /// The value as `yardstick.toml` would write it.
    public var description: String {
        switch self {
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .string(let value): "\"\(value)\""
        case .boolean(let value): String(value)
        case .numbers(let values): "[" + values.map { String($0) }.joined(separator: ", ") + "]"
        }
    }
}
