/// Writes lua-language-server annotations line by line: sections, aliases, classes and
/// functions with their documentation.
struct LuaDefinitionWriter {
    /// The lines written so far.
    var lines: [String] = []

    /// A string literal of an alias member or a literal type: `"won"`.
    static func literal(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            default: escaped.append(character)
            }
        }
        return "\"" + escaped + "\""
    }

    /// A heading comment between parts of the file.
    mutating func section(_ title: String) {
        lines += ["", "-- " + String(repeating: "=", count: 76), "-- " + oneLine(title), ""]
    }

    /// A union of string literals, one member a line with its description.
    mutating func alias(_ name: String, summary: String, members: [(literal: String, summary: String?)]) {
        lines += ["", "---" + oneLine(summary)]
        guard !members.isEmpty else {
            // No member: an alias no string satisfies would flag every call, so the names stay open.
            lines.append("---@alias \(name) string")
            return
        }
        lines.append("---@alias \(name)")
        for member in members {
            let description = member.summary.map { " # " + oneLine($0) } ?? ""
            lines.append("---| \(Self.literal(member.literal))\(description)")
        }
    }

    /// A class of the API: its fields, operators and methods.
    mutating func write(_ apiClass: LuaAPIClass) {
        lines += ["", "---" + oneLine(apiClass.summary), "---@class \(apiClass.name)"]
        for operation in apiClass.operators { lines.append("---@operator \(operation)") }
        for field in apiClass.fields {
            lines.append(
                "---@field \(field.name)\(field.isOptional ? "?" : "") \(field.type) \(oneLine(field.summary))")
        }
        guard !apiClass.methods.isEmpty else { return }
        let local = String(apiClass.name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        lines.append("local \(local) = {}")
        for method in apiClass.methods {
            lines += ["", "---" + oneLine(method.summary)]
            lines += method.parameters.map(Self.parameterLine)
            lines.append("---@return \(method.returns)")
            lines.append(
                "function \(local):\(method.name)(\(method.parameters.map(\.name).joined(separator: ", "))) end")
        }
    }

    /// A view method of the API on one kind of view.
    mutating func method(entry: LuaAPI.Entry, typing: LuaAPITyping, types: LuaDefinitionTypes) {
        function(entry: entry, typing: typing, types: types, receiver: types.localName)
    }

    /// A function of the API: its summary, example, parameters and result; a method when
    /// `receiver` names the local table it hangs on.
    mutating func function(entry: LuaAPI.Entry, typing: LuaAPITyping, types: LuaDefinitionTypes, receiver: String?) {
        function(
            name: entry.name, summary: entry.summary, example: entry.example, typing: typing, types: types,
            receiver: receiver, isVariadic: LuaAPISignature(declaration: entry)?.isVariadic == true)
    }

    /// A function: its summary, example, parameters and result; a method when `receiver`
    /// names the local table it hangs on.
    mutating func function(
        name: String, summary: String, example: String, typing: LuaAPITyping, types: LuaDefinitionTypes,
        receiver: String?, isVariadic: Bool = false
    ) {
        documentation(summary: summary, example: example)
        var names: [String] = []
        for parameter in typing.parameters {
            let resolved = LuaAPITyping.Parameter(parameter.name, types.resolve(parameter.type))
            lines.append(Self.parameterLine(resolved))
            names.append(parameter.name)
        }
        if isVariadic {
            lines.append("---@param ... any")
            names.append("...")
        }
        for overload in typing.overloads { lines.append("---@overload \(types.resolve(overload))") }
        lines.append("---@return \(types.result(typing.returns))")
        let owner = receiver.map { $0 + ":" } ?? ""
        lines.append("function \(owner)\(name)(\(names.joined(separator: ", "))) end")
    }

    /// A global variable of a type (`rank`, a scoring function used as a value).
    mutating func variable(name: String, summary: String, example: String, type: String) {
        documentation(summary: summary, example: example)
        lines += ["---@type \(type)", "\(name) = {}"]
    }

    /// A summary and, when there is one, an example in a Lua block.
    private mutating func documentation(summary: String, example: String) {
        lines += ["", "---" + oneLine(summary)]
        guard !example.isEmpty else { return }
        lines += ["---", "---```lua"]
        lines += example.split(whereSeparator: \.isNewline).map { "---" + $0 }
        lines.append("---```")
    }

    /// `---@param name type`, or `---@param name? type` for a type ending in `?`.
    private static func parameterLine(_ parameter: LuaAPITyping.Parameter) -> String {
        if parameter.type.hasSuffix("?") {
            return "---@param \(parameter.name)? \(parameter.type.dropLast())"
        }
        return "---@param \(parameter.name) \(parameter.type)"
    }
}
