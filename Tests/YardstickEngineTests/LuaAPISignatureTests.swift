import LuaRuntime
import Testing

@testable import YardstickEngine

/// The declared API (LuaAPI.swift, which generates docs/lua-api.md) and the prelude's Lua
/// definitions agree by signature: every function on both sides, with the same parameters.
@Suite struct LuaAPISignatureTests {
    /// The prelude's definitions, read in a VM of their own.
    static func preludeDefinitions() throws -> [LuaAPISignature] {
        try LuaThread.run { () throws -> [LuaAPISignature] in
            let vm = try LuaVM()
            let results = try Prelude.load(into: vm)
            let published = try #require(results.dropFirst().first?.tableValue)
            return try LuaAPISignature.defined(in: published, vm: vm)
        }
    }

    /// The signature of `source`, a Lua chunk returning one function.
    static func defined(_ place: LuaAPI.Place, _ name: String, _ source: String, optional: Set<String> = [])
        throws -> LuaAPISignature
    {
        try LuaThread.run { () throws -> LuaAPISignature in
            let vm = try LuaVM()
            let function = try #require(
                try vm.call(try vm.load(source, chunkName: "signature_test.lua")).first?.functionValue)
            return LuaAPISignature(
                place: place, name: name, prototype: try vm.prototype(of: function), optional: optional)
        }
    }

    static func declared(_ place: LuaAPI.Place, _ name: String, _ signature: String) throws -> LuaAPISignature {
        let entry = LuaAPI.Entry(place: place, name: name, signature: signature, summary: "", example: "")
        return try #require(LuaAPISignature(declaration: entry))
    }

    @Test func everyDeclaredFunctionMatchesThePreludeDefinition() throws {
        let declared = LuaAPI.entries.compactMap(LuaAPISignature.init(declaration:))
        let defined = try Self.preludeDefinitions()
        #expect(LuaAPISignature.mismatches(declared: declared, defined: defined) == [])
        // Every global and view entry is a function whose signature could be read.
        #expect(declared.count == LuaAPI.entries.filter { $0.place != .scope }.count)
        #expect(defined.count == declared.count)
    }

    @Test func readsTheDeclaredParametersFromTheSignatureText() throws {
        let percentile = try Self.declared(.view, "percentile", "view:percentile(field | duration, p) → number")
        #expect(percentile.form == .arguments([.init(name: "field"), .init(name: "p")]))
        let date = try Self.declared(.global, "date", #"date(year, month, day) | date("YYYY-MM-DD") → date"#)
        #expect(date.form == .arguments(["year", "month", "day"].map { .init(name: $0) }))
        let count = try Self.declared(.view, "count", "view:count() → integer")
        #expect(count.form == .arguments([]))
        #expect(try Self.declared(.view, "where", "view:where{ field = value } → view").form == .table)
        #expect(try Self.declared(.global, "indicator", "indicator { id, value }").form == .table)
        let optional = try Self.declared(.global, "log", "log(message, [level], …)")
        #expect(optional.form == .arguments([.init(name: "message"), .init(name: "level", isOptional: true)]))
        #expect(optional.isVariadic)
        let field = LuaAPI.Entry(place: .scope, name: "all", signature: "s.all → scope", summary: "", example: "")
        #expect(LuaAPISignature(declaration: field) == nil)
    }

    @Test func theReceiverAndTheGroupAreNotTheScriptsParameters() throws {
        let method = try Self.defined(
            .view, "between", "local t = {} function t:between(field, a, b) end return t.between")
        #expect(method.form == .arguments(["field", "a", "b"].map { .init(name: $0) }))
        let aggregate = try Self.defined(.view, "first", "return function(self, group, field, by) end")
        #expect(aggregate.form == .arguments([.init(name: "field"), .init(name: "by")]))
        let global = try Self.defined(.global, "ratio", "return function(a, b) end")
        #expect(global.form == .arguments([.init(name: "a"), .init(name: "b")]))
    }

    @Test func aRenamedParameterIsAMismatch() throws {
        let declared = [try Self.declared(.view, "sum", "view:sum(field | duration) → number")]
        let defined = [try Self.defined(.view, "sum", "return function(self, group, f) end")]
        #expect(
            LuaAPISignature.mismatches(declared: declared, defined: defined) == [
                "view:sum: declared parameters (field) but defined with (f)"
            ])
    }

    @Test func aMissingOrExtraParameterIsAMismatch() throws {
        let declared = [try Self.declared(.global, "ratio", "ratio(a, b) → number")]
        let fewer = [try Self.defined(.global, "ratio", "return function(a) end")]
        #expect(
            LuaAPISignature.mismatches(declared: declared, defined: fewer) == [
                "ratio: declared parameters (a, b) but defined with (a)"
            ])
        let more = [try Self.defined(.global, "ratio", "return function(a, b, c) end")]
        #expect(LuaAPISignature.mismatches(declared: declared, defined: more).count == 1)
    }

    @Test func optionalAndVariadicMustAgree() throws {
        let declared = [try Self.declared(.global, "missing", "missing([reason]) → missing")]
        let required = [try Self.defined(.global, "missing", "return function(reason) end")]
        #expect(
            LuaAPISignature.mismatches(declared: declared, defined: required) == [
                "missing: parameter reason is optional in the declaration but required in the definition"
            ])
        let optional = [try Self.defined(.global, "missing", "return function(reason) end", optional: ["reason"])]
        #expect(LuaAPISignature.mismatches(declared: declared, defined: optional) == [])
        let variadic = [try Self.defined(.global, "missing", "return function(reason, ...) end", optional: ["reason"])]
        #expect(
            LuaAPISignature.mismatches(declared: declared, defined: variadic) == [
                "missing: not variadic in the declaration, variadic in the definition"
            ])
    }

    @Test func aTableFormTakesExactlyOneParameter() throws {
        let declared = [try Self.declared(.global, "indicator", "indicator { id, value }")]
        let one = [try Self.defined(.global, "indicator", "return function(declaration) end")]
        #expect(LuaAPISignature.mismatches(declared: declared, defined: one) == [])
        let two = [try Self.defined(.global, "indicator", "return function(id, value) end")]
        #expect(
            LuaAPISignature.mismatches(declared: declared, defined: two) == [
                "indicator: declared to take one table, defined with 2 parameters (id, value)"
            ])
    }

    @Test func aFunctionOnOneSideOnlyIsAMismatch() throws {
        let declared = [try Self.declared(.global, "ratio", "ratio(a, b) → number")]
        let defined = [try Self.defined(.global, "share", "return function(a, b) end")]
        #expect(
            LuaAPISignature.mismatches(declared: declared, defined: defined) == [
                "ratio: declared in LuaAPI.swift but not defined by the prelude",
                "share: defined by the prelude but not declared in LuaAPI.swift",
            ])
    }
}
