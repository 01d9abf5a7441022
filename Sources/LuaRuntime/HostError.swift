/// The error a Swift host function throws to fail its Lua call.
///
/// The shim raises it in Lua as `chunk:line: message`, pointing at the Lua line that
/// called the host function, with kind ``LuaError/Kind-swift.struct/hostAPI`` when it
/// reaches the host. Scripts can catch it with `pcall`. Keep record data out of the
/// message unless the user needs it.
///
/// ```swift
/// vm.register("double", in: "math") { args throws(HostError) in
///     guard let x = args.first?.numberValue else {
///         throw .badArgument(1, of: "double", expected: "number", got: args.first)
///     }
///     return [.number(x * 2)]
/// }
/// ```
public struct HostError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message shown to the script author (without location; Lua adds it).
    public var message: String

    /// Creates an error with a message for the script author.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }

    /// `bad argument #position to 'function' (expected expected, got type)`, in Lua's words.
    ///
    /// - Parameters:
    ///   - position: 1-based argument position.
    ///   - function: the name the script called.
    ///   - expected: what the argument should be, for example `"number"`.
    ///   - got: the value received, or nil when the argument was missing.
    public static func badArgument(
        _ position: Int, of function: String, expected: String, got: LuaValue?
    ) -> HostError {
        let actual = got.map { $0.typeName } ?? "no value"
        return HostError(
            "bad argument #\(position) to '\(function)' (\(expected) expected, got \(actual))")
    }
}
