import LuaRuntime
import Testing
import YardstickEngine

@testable import YardstickScorecard

/// The model DSL's editor definitions (`ModelAPI`) name what model.lua installs and the keys
/// the model file reader accepts, and compile with the indicator API's as one Lua 5.4 file.
@Suite struct ModelAPITests {
    /// The names model.lua installs as globals: each `install("name", …)`.
    static var installedNames: [String] {
        var names: [String] = []
        for line in ModelPrelude.source.split(separator: "\n") where line.hasPrefix("install(\"") {
            names.append(String(line.dropFirst("install(\"".count).prefix { $0 != "\"" }))
        }
        return names
    }

    static func fields(of className: String) throws -> [String] {
        let apiClass = try #require(ModelAPI.classes.first { $0.name == className })
        return apiClass.fields.map(\.name).filter { $0 != "[integer]" }
    }

    @Test func everyGlobalTheModelPreludeInstallsIsDeclared() {
        let declared = ModelAPI.globals.map(\.name)
        #expect(Self.installedNames.count == 13)
        #expect(Set(declared) == Set(Self.installedNames))
        #expect(Set(declared) == Set(ModelPrelude.globals))
    }

    @Test func declarationClassesHaveExactlyTheKeysTheReaderAccepts() throws {
        #expect(try Self.fields(of: "Yardstick.ScorecardDeclaration") == ModelFileReader.scorecardKeys)
        #expect(try Self.fields(of: "Yardstick.DimensionDeclaration") == ModelFileReader.dimensionKeys)
        #expect(try Self.fields(of: "Yardstick.KpiDeclaration") == ModelFileReader.kpiKeys)
    }

    @Test func scoringFormsWithParametersAreFunctionsAndTheOthersValues() {
        let functions = Set(ModelAPI.globals.filter { $0.typing != nil }.map(\.name))
        #expect(functions == ["scorecard", "dimension", "kpi", "quota", "linear", "steps", "threshold"])
        let plain = Set(ModelFileReader.plainFunctions.map(\.0))
        #expect(Set(ModelAPI.globals.filter { $0.typing == nil }.map(\.name)) == plain)
    }

    @Test func definitionsWithTheModelDSLCompileAndRunAsLua54() throws {
        var definitions = LuaDefinitions()
        definitions.extensions = [ModelAPI.definitions]
        let text = definitions.text()
        #expect(
            text.contains(
                "\n---@class Yardstick.KpiDeclaration\n---@field weight number Its weight within its parent.\n"))
        #expect(text.contains("\n---@type Yardstick.ScoringFunction\nrank = {}\n"))
        #expect(
            text.contains(
                "\n---@return fun(body: Yardstick.KpiDeclaration): Yardstick.ModelNode\nfunction kpi(id) end\n"))
        try LuaThread.run { () throws in
            let vm = try LuaVM()
            _ = try vm.call(try vm.load(text, chunkName: "yardstick-defs.lua"))
        }
    }
}
