import LuaRuntime
import YardstickLocalization

/// The Swift function behind `param(name)`: a pack's parameter values, handed out by name.
///
/// The values are fixed for the whole run (the manifest's defaults with the workspace's
/// overrides), so the function only looks them up. For an unknown name it returns nil and the
/// message, which `params.lua` raises as a string error at the script's line (listing the
/// names the set declares).
enum ParameterBindings {
    /// Registers `__host.params.get` on `vm`: the value, or nil and why.
    ///
    /// - Parameters:
    ///   - vm: The session's Lua state.
    ///   - parameters: The set's values by name.
    static func register(on vm: LuaVM, parameters: [String: IndicatorParameter]) throws(LuaError) {
        try vm.register("get", in: "params") { args throws(HostError) in
            guard let name = args.first?.stringValue else {
                throw HostError(tr("param(name) takes the parameter's name as a string"))
            }
            guard let value = parameters[name] else {
                let known = parameters.keys.sorted()
                let list =
                    known.isEmpty ? "these indicators declare no parameters" : "known: " + known.joined(separator: ", ")
                return [.nil, .string("param(\"\(name)\"): no such parameter (\(list))")]
            }
            return [lua(value)]
        }
    }

    /// A parameter as the Lua value scripts see.
    static func lua(_ value: IndicatorParameter) -> LuaValue {
        switch value {
        case .integer(let number): .integer(number)
        case .number(let number): .number(number)
        case .string(let text): .string(text)
        case .boolean(let flag): .boolean(flag)
        case .numbers(let numbers): .table(LuaTable(array: numbers.map { .number($0) }))
        }
    }
}
