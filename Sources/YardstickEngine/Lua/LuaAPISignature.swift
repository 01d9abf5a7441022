import LuaRuntime
import YardstickLocalization

/// How one function of the indicator API is called: its place, name and the parameters a
/// script passes. Read either from a ``LuaAPI/Entry``'s declared signature text or from the
/// prelude's Lua definition, so that the two can be compared (``mismatches(declared:defined:)``);
/// a test fails on any difference, which keeps `docs/lua-api.md` true to the code.
struct LuaAPISignature: Equatable, Sendable {
    /// One parameter a script passes.
    struct Parameter: Equatable, Sendable {
        /// The parameter's name (`field`, `from_field`…).
        var name: String
        /// Whether a script may leave it out: `[name]` in a declared signature; listed under
        /// `definitions.optional` by the prelude.
        var isOptional = false
    }

    /// How the function receives its arguments.
    enum Form: Equatable, Sendable {
        /// Positional parameters: `ratio(a, b)`.
        case arguments([Parameter])
        /// One table of named fields: `indicator { id, … }`, `view:where{ … }`. Its fields
        /// are described in prose; only the single parameter is checked.
        case table
    }

    /// Where the function lives.
    var place: LuaAPI.Place
    /// Its name.
    var name: String
    /// How it is called.
    var form: Form
    /// Whether it takes more arguments after the named ones (`…`).
    var isVariadic = false

    /// The function's key in messages: `date`, `view:sum`.
    var qualifiedName: String { place == .view ? "view:" + name : name }
}

extension LuaAPISignature {
    /// Reads the call form from an entry's signature text: the parameters between the first
    /// parentheses after the name (`view:percentile(field | duration, p) → …` has `field` and
    /// `p`: each parameter's name is its first word; `[p]` is optional; `…` or `...` makes the
    /// function variadic), or the table form when braces follow the name. Nil for an entry
    /// that is not a function (the scope's fields).
    init?(declaration entry: LuaAPI.Entry) {
        let prefix: String
        switch entry.place {
        case .global: prefix = entry.name
        case .view: prefix = "view:" + entry.name
        case .scope: return nil
        }
        guard entry.signature.hasPrefix(prefix) else { return nil }
        let rest = entry.signature.dropFirst(prefix.count).drop { $0 == " " }
        place = entry.place
        name = entry.name
        if rest.first == "{" {
            form = .table
            return
        }
        guard rest.first == "(", let close = rest.firstIndex(of: ")") else { return nil }
        let list = rest[rest.index(after: rest.startIndex)..<close]
        var parameters: [Parameter] = []
        for piece in list.split(separator: ",") {
            var text = piece.trimmingSpaces
            if text == "…" || text == "..." {
                isVariadic = true
                continue
            }
            var optional = false
            if text.hasPrefix("["), text.hasSuffix("]") {
                optional = true
                text = text.dropFirst().dropLast().trimmingSpaces
            }
            let word = text.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            guard !word.isEmpty else { return nil }
            parameters.append(Parameter(name: String(word), isOptional: optional))
        }
        form = .arguments(parameters)
    }

    /// The signature of a function as the prelude defines it, from its compiled form.
    ///
    /// The parameters the API supplies itself are not the script's: a method's receiver
    /// (`self`) and, for an aggregate, the grouped view's measure (`group`, see
    /// `aggregates.lua`). A definition taking one table parameter matches the table form.
    ///
    /// - Parameters:
    ///   - optional: the names the prelude lists as optional for this function.
    init(place: LuaAPI.Place, name: String, prototype: LuaPrototype, optional: Set<String> = []) {
        var names = prototype.parameterNames[...]
        if place == .view {
            if names.first == "self" { names = names.dropFirst() }
            if names.first == "group" { names = names.dropFirst() }
        }
        self.place = place
        self.name = name
        self.form = .arguments(names.map { Parameter(name: $0, isOptional: optional.contains($0)) })
        self.isVariadic = prototype.isVararg
    }

    /// Every difference between the declared functions and the defined ones, one line each
    /// (empty when they agree): a function on one side only, or different parameters.
    static func mismatches(declared: [LuaAPISignature], defined: [LuaAPISignature]) -> [String] {
        var problems: [String] = []
        let definitions = Dictionary(defined.map { ($0.qualifiedName, $0) }, uniquingKeysWith: { first, _ in first })
        let declarations = Set(declared.map(\.qualifiedName))
        for declaration in declared {
            guard let definition = definitions[declaration.qualifiedName] else {
                problems.append("\(declaration.qualifiedName): declared in LuaAPI.swift but not defined by the prelude")
                continue
            }
            problems += declaration.differences(from: definition)
        }
        for definition in defined where !declarations.contains(definition.qualifiedName) {
            problems.append("\(definition.qualifiedName): defined by the prelude but not declared in LuaAPI.swift")
        }
        return problems
    }

    /// How a definition differs from this declaration.
    private func differences(from definition: LuaAPISignature) -> [String] {
        let key = qualifiedName
        var problems: [String] = []
        switch (form, definition.form) {
        case (.table, .table):
            break
        case (.table, .arguments(let parameters)):
            if parameters.count != 1 {
                problems.append(
                    "\(key): declared to take one table, defined with \(parameters.count) parameters "
                        + "(\(parameters.map(\.name).joined(separator: ", ")))")
            }
        case (.arguments(let declared), .arguments(let parameters)):
            if declared.map(\.name) != parameters.map(\.name) {
                problems.append(
                    "\(key): declared parameters (\(declared.map(\.name).joined(separator: ", "))) "
                        + "but defined with (\(parameters.map(\.name).joined(separator: ", ")))")
            } else {
                for (mine, theirs) in zip(declared, parameters) where mine.isOptional != theirs.isOptional {
                    problems.append(
                        "\(key): parameter \(mine.name) is \(mine.isOptional ? "optional" : "required") "
                            + "in the declaration but \(theirs.isOptional ? "optional" : "required") in the definition")
                }
            }
        case (.arguments, .table):
            problems.append("\(key): declared with parameters, defined as taking one table")
        }
        if isVariadic != definition.isVariadic {
            problems.append(
                "\(key): \(isVariadic ? "variadic" : "not variadic") in the declaration, "
                    + "\(definition.isVariadic ? "variadic" : "not variadic") in the definition")
        }
        return problems
    }

    /// The definitions the prelude published (`published.definitions`: functions by place
    /// and name, and `optional` parameter names by place and name), read from their compiled
    /// form in the VM that ran the prelude.
    ///
    /// - Throws: ``LuaError`` of kind `hostAPI` when the table is not of that shape or a
    ///   function cannot be read.
    static func defined(in published: LuaTable, vm: LuaVM) throws(LuaError) -> [LuaAPISignature] {
        guard let definitions = published["definitions"].tableValue else {
            throw LuaError(kind: .hostAPI, message: tr("the prelude published no definitions"))
        }
        let optional = definitions["optional"].tableValue
        var signatures: [LuaAPISignature] = []
        for (place, key) in [(LuaAPI.Place.global, "global"), (.view, "view")] {
            guard let functions = definitions[key].tableValue else {
                throw LuaError(kind: .hostAPI, message: tr("the prelude published no %@ definitions", key))
            }
            for (name, value) in functions.hash {
                guard case .string(let name) = name.value, let function = value.functionValue else {
                    throw LuaError(kind: .hostAPI, message: tr("definitions.%@: expected functions by name", key))
                }
                let optionalNames = optional?[key].tableValue?[name].tableValue?.array.compactMap(\.stringValue) ?? []
                signatures.append(
                    LuaAPISignature(
                        place: place, name: name, prototype: try vm.prototype(of: function),
                        optional: Set(optionalNames)))
            }
        }
        return signatures.sorted { $0.qualifiedName < $1.qualifiedName }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces.
    fileprivate var trimmingSpaces: SubSequence {
        let start = firstIndex { $0 != " " } ?? endIndex
        let end = lastIndex { $0 != " " }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
