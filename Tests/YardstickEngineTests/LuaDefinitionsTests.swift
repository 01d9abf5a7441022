import Foundation
import LuaRuntime
import Testing
import YardstickData

@testable import YardstickEngine

/// The editor definitions (`yardstick lua-defs`) cover every declared name with types that
/// agree with the declarations and the prelude, compile as Lua 5.4, and type each entity's
/// view by its fields.
@Suite struct LuaDefinitionsTests {
    static let text = LuaDefinitions().text()

    /// The names of the functions the file defines on `owner` (`Yardstick_View_opportunities`),
    /// or the global functions when `owner` is nil.
    static func functions(on owner: String?, in text: String = text) -> Set<String> {
        var names = Set<String>()
        for line in text.split(separator: "\n") where line.hasPrefix("function ") {
            let head = line.dropFirst("function ".count).prefix { $0 != "(" }
            if let owner {
                if head.hasPrefix(owner + ":") { names.insert(String(head.dropFirst(owner.count + 1))) }
            } else if !head.contains(":") && !head.contains(".") {
                names.insert(String(head))
            }
        }
        return names
    }

    /// The lines of the block that starts with `first` and ends before the next blank line.
    static func block(startingWith first: String, in text: String = text) throws -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: first), "no line \(first)")
        return Array(lines[start...].prefix { !$0.isEmpty })
    }

    /// The published names of the prelude: `keys` (key-view methods) and `grouped`.
    static func published(_ key: String) throws -> Set<String> {
        try LuaThread.run { () throws -> Set<String> in
            let vm = try LuaVM()
            let results = try Prelude.load(into: vm)
            let published = try #require(results.dropFirst().first?.tableValue)
            return Set(published[key].tableValue?.array.compactMap(\.stringValue) ?? [])
        }
    }

    @Test func everyDeclaredNameHasATypingAndEveryTypingADeclaration() {
        let keys = Set(LuaAPI.entries.map(LuaAPI.typingKey(of:)))
        let missing = keys.subtracting(LuaAPI.typings.keys).sorted()
        #expect(missing == [], "add the Lua types of \(missing) to LuaAPI+Typings.swift (yardstick lua-defs)")
        #expect(Set(LuaAPI.typings.keys).subtracting(keys).sorted() == [])
    }

    @Test func typedParametersAreTheDeclaredOnes() throws {
        for entry in LuaAPI.entries {
            guard let signature = LuaAPISignature(declaration: entry) else { continue }
            let typing = try #require(LuaAPI.typings[LuaAPI.typingKey(of: entry)])
            switch signature.form {
            case .table:
                #expect(typing.parameters.count == 1, "\(signature.qualifiedName) takes one table")
            case .arguments(let parameters):
                #expect(typing.parameters.map(\.name) == parameters.map(\.name), "\(signature.qualifiedName)")
                #expect(
                    typing.parameters.map { $0.type.hasSuffix("?") } == parameters.map(\.isOptional),
                    "\(signature.qualifiedName): optional parameters end their type with ?")
            }
        }
    }

    @Test func viewMethodReceiversAreTheViewsThePreludeGivesThemTo() throws {
        func typed(_ receiver: LuaAPITyping.Receiver) -> Set<String> {
            Set(
                LuaAPI.entries.filter {
                    $0.place == .view && LuaAPI.typings["view:" + $0.name]?.receivers.contains(receiver) == true
                }.map(\.name))
        }
        #expect(typed(.keyView) == (try Self.published("keys")))
        #expect(typed(.groupedView) == (try Self.published("grouped")))
    }

    @Test func everyDeclaredFunctionIsDefinedInTheFile() {
        let globals = Set(LuaAPI.entries.filter { $0.place == .global }.map(\.name))
        #expect(Self.functions(on: nil) == globals)
        let entity = Set(
            LuaAPI.entries.filter {
                $0.place == .view && LuaAPI.typings["view:" + $0.name]?.receivers.contains(.entityView) == true
            }.map(\.name))
        let keyView = Set(
            LuaAPI.entries.filter {
                $0.place == .view && LuaAPI.typings["view:" + $0.name]?.receivers.contains(.keyView) == true
            }.map(\.name))
        let declaredViewMethods = Set(LuaAPI.entries.filter { $0.place == .view }.map(\.name))
        #expect(entity.union(keyView) == declaredViewMethods)
        for vocabularyEntity in CRMVocabulary.entities {
            #expect(Self.functions(on: "Yardstick_View_\(vocabularyEntity.name)") == entity, "\(vocabularyEntity.name)")
        }
        #expect(Self.functions(on: "Yardstick_KeyView") == keyView)
        #expect(Self.functions(on: "Yardstick_Grouped_opportunities") == (try? Self.published("grouped")))
    }

    @Test func everyScopeFieldAndEveryEntityIsAFieldOfTheScope() throws {
        let scope = try Self.block(startingWith: "---@class Yardstick.Scope")
        let fields = Set(scope.compactMap { $0.split(separator: " ").dropFirst().first.map(String.init) })
        for entry in LuaAPI.entries where entry.place == .scope && entry.name != "<entity>" {
            #expect(fields.contains(entry.name), "s.\(entry.name)")
        }
        for entity in CRMVocabulary.entities {
            #expect(scope.contains { $0.hasPrefix("---@field \(entity.name) Yardstick.View.\(entity.name) ") })
        }
    }

    @Test(arguments: [
        ("s.subject", "Yardstick.Subject"), ("s.period", "Yardstick.Period"),
        ("indicator", "Yardstick.IndicatorDeclaration"), ("cohort", "Yardstick.CohortDeclaration"),
    ])
    func classesHaveEveryFieldTheDeclarationLists(key: String, className: String) throws {
        let entry = try #require(LuaAPI.entries.first { LuaAPI.typingKey(of: $0) == key })
        let open = try #require(entry.signature.firstIndex(of: "{"))
        let close = try #require(entry.signature.firstIndex(of: "}"))
        let listed = entry.signature[entry.signature.index(after: open)..<close].split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let apiClass = try #require(LuaAPI.classes.first { $0.name == className })
        let fields = apiClass.fields.map(\.name)
        #expect(listed.filter { !fields.contains($0) } == [], "\(className) lacks fields listed by \(key)")
        #expect(!listed.isEmpty)
    }

    @Test func theFileIsDeterministic() {
        #expect(LuaDefinitions().text() == Self.text)
        #expect(LuaDefinitions(entities: CRMVocabulary.entities).text() == Self.text)
    }

    @Test func theFileCompilesAndRunsAsLua54() throws {
        try LuaThread.run { () throws in
            let vm = try LuaVM()
            let chunk = try vm.load(Self.text, chunkName: "yardstick-defs.lua")
            _ = try vm.call(chunk)
        }
    }

    @Test func aggregatesTakeTheEntitysFieldsByType() throws {
        let numbers = try Self.block(startingWith: "---@alias Yardstick.NumberField.opportunities")
        #expect(numbers.contains { $0.hasPrefix("---| \"amount\" # decimal — ") })
        #expect(numbers.contains { $0.hasPrefix("---| \"account.annual_revenue\" # decimal — ") })
        #expect(!numbers.contains { $0.hasPrefix("---| \"name\"") })
        #expect(!numbers.contains { $0.hasPrefix("---| \"closed_at\"") })
        let dates = try Self.block(startingWith: "---@alias Yardstick.DateField.opportunities")
        #expect(dates.contains { $0.hasPrefix("---| \"closed_at\" # date — ") })
        #expect(!dates.contains { $0.hasPrefix("---| \"amount\"") })
        let lines = Self.text.split(separator: "\n").map(String.init)
        let sum = try #require(lines.firstIndex(of: "function Yardstick_View_opportunities:sum(field) end"))
        #expect(lines[sum - 2] == "---@param field Yardstick.NumberField.opportunities|Yardstick.Measure")
        let during = try #require(lines.firstIndex(of: "function Yardstick_View_opportunities:during(field) end"))
        #expect(lines[during - 2] == "---@param field Yardstick.DateField.opportunities")
        #expect(lines[during - 1] == "---@return Yardstick.View.opportunities")
        let groupedSum = try #require(lines.firstIndex(of: "function Yardstick_Grouped_opportunities:sum(field) end"))
        #expect(lines[groupedSum - 1] == "---@return table<any, integer|Yardstick.Decimal|number>")
    }

    /// A pinned excerpt: the row class of opportunities for the default vocabulary, written out by
    /// hand from docs/vocabulary.md (fields in its order; every field but the id may be nil).
    @Test func theOpportunitiesRowClassIsPinned() throws {
        let expected = #"""
            ---@class Yardstick.Row.opportunities
            ---@field id string Unique key of the opportunity in the source system. (string, required)
            ---@field name? string Deal name. (string)
            ---@field account? string Customer account. (reference → accounts)
            ---@field owner? string Sales rep who owns the deal. (reference → users)
            ---@field product? string Main product of the deal. (reference → products)
            ---@field stage? "prospecting"|"qualification"|"proposal"|"negotiation"|"won"|"lost" Pipeline stage; won and lost are closed. (enum(prospecting, qualification, proposal, negotiation, won, lost))
            ---@field amount? Yardstick.Decimal Deal value (the closed value once won). (decimal)
            ---@field currency? string ISO currency code of the amount. (string)
            ---@field created_at? Yardstick.Date When the deal was opened or engaged. (date)
            ---@field expected_close? Yardstick.Date Forecast close date. (date)
            ---@field closed_at? Yardstick.Date When the deal was won or lost. (date)
            ---@field lost_reason? string Why a lost deal was lost. (string)
            ---@field source? string Lead source of the deal. (string)
            ---@field campaign? string Campaign credited with the deal. (reference → campaigns)
            ---@field [string] Yardstick.Value A reference path (`row["account.industry"]`).
            """#
        let block = try Self.block(startingWith: "---@class Yardstick.Row.opportunities")
        #expect(block.joined(separator: "\n") == expected)
        let view = try Self.block(startingWith: "---@class Yardstick.View.opportunities")
        #expect(view == ["---@class Yardstick.View.opportunities", "local Yardstick_View_opportunities = {}"])
        let lines = Self.text.split(separator: "\n").map(String.init)
        let whereLine = try #require(
            lines.firstIndex(of: "function Yardstick_View_opportunities:where(conditions) end"))
        #expect(lines[whereLine - 2] == "---@param conditions Yardstick.Where.opportunities")
        let rows = try #require(lines.firstIndex(of: "function Yardstick_View_opportunities:rows() end"))
        #expect(lines[rows - 1] == "---@return fun(): Yardstick.Row.opportunities?")
    }

    @Test func pathsFollowReferencesUpToTwoHopsAndSkipTheReferencedId() {
        let paths = LuaDefinitionPaths(entities: CRMVocabulary.entities, maximumHops: 2)
        let opportunities = paths.paths(of: CRMVocabulary.entity(named: "opportunities")!).map(\.path)
        #expect(opportunities.contains("account.industry"))
        #expect(opportunities.contains("account.owner.team"))
        #expect(!opportunities.contains("account.id"))
        #expect(!opportunities.contains { $0.split(separator: ".").count > 3 })
        let oneHop = LuaDefinitionPaths(entities: CRMVocabulary.entities, maximumHops: 1)
        #expect(
            !oneHop.paths(of: CRMVocabulary.entity(named: "opportunities")!).contains {
                $0.path == "account.owner.team"
            })
    }

    @Test func customFieldsAndEntitiesAreDefinedWithTheirTypes() throws {
        let calls = try #require(CRMVocabulary.entity(named: "calls"))
        let custom = calls.adding(customFields: [
            FieldDefinition("priority", .enumeration(["regular", "vip"]), "Caller class", custom: true),
            FieldDefinition("vru_seconds", .integer, "Seconds in the VRU", custom: true),
        ])
        let suppliers = EntityDefinition(
            name: "suppliers", meaning: "A supplier.",
            fields: [
                FieldDefinition("id", .string, "Key.", required: true), FieldDefinition("name", .string, "Name."),
            ],
            custom: true)
        let text = LuaDefinitions(
            entities: CRMVocabulary.entities.map { $0.name == "calls" ? custom : $0 } + [suppliers],
            grains: Grain.allCases.map(\.rawValue) + ["supplier"]
        ).text()
        let row = try Self.block(startingWith: "---@class Yardstick.Row.calls", in: text)
        #expect(row.contains("---@field priority? \"regular\"|\"vip\" Caller class (enum(regular, vip))"))
        #expect(row.contains("---@field vru_seconds? integer Seconds in the VRU (integer)"))
        let numbers = try Self.block(startingWith: "---@alias Yardstick.NumberField.calls", in: text)
        #expect(numbers.contains("---| \"vru_seconds\" # integer — Seconds in the VRU"))
        let scope = try Self.block(startingWith: "---@class Yardstick.Scope", in: text)
        #expect(scope.contains("---@field suppliers Yardstick.View.suppliers A supplier."))
        let grains = try Self.block(startingWith: "---@alias Yardstick.Grain", in: text)
        #expect(grains.last == "---| \"supplier\"")
    }
}
