import Foundation
import Testing

@testable import YardstickEngine

/// `require` in an indicator loads modules from the indicators' own folder and nowhere else.
@Suite struct ModuleRequireTests {
    @Test func requireLoadsASiblingModuleAndRejectsEscapes() throws {
        let (workspace, engine, directory) = try EngineFixture.workspace()
        defer { withExtendedLifetime(directory) {} }
        let folder = directory.path + "/indicators"
        try FileManager.default.createDirectory(atPath: folder + "/lib", withIntermediateDirectories: true)
        try Data(
            #"local M = {} function M.won(v) return v:during("closed_at"):where{ stage = "won" } end return M"#.utf8
        ).write(to: URL(fileURLWithPath: folder + "/lib/helpers.lua"))
        var evaluator = Evaluator(engine: engine, workspace: workspace, workers: 1)
        evaluator.modules = ModuleFolder(path: folder, displayPrefix: "indicators")
        let sources = [
            Evaluator.Source(
                file: "indicators/won.lua",
                text:
                    #"local h = require("lib.helpers") return indicator { id = "won", value = function(s) return h.won(s.opportunities):count() end }"#
            ),
            Evaluator.Source(
                file: "indicators/escape.lua",
                text:
                    #"local x = require("..secrets") return indicator { id = "escape", value = function(s) return 1 end }"#
            ),
            Evaluator.Source(
                file: "indicators/missing.lua",
                text:
                    #"local x = require("nowhere") return indicator { id = "nowhere", value = function(s) return 1 end }"#
            ),
        ]
        let report = try evaluator.run(sources: sources, periods: [EngineFixture.october], grains: [.user])
        // u1 won o1 and o2 in October (see EngineFixture).
        #expect(report.results.first { $0.subjectID == "u1" && $0.indicatorID == "won" }?.value == .integer(2))
        let loadErrors = report.errors.filter { $0.indicatorID.isEmpty }.map { "\($0.location): \($0.message)" }
        #expect(loadErrors.count == 2)
        #expect(loadErrors.contains { $0.hasPrefix("indicators/escape.lua:1:") && $0.contains("invalid module name") })
        #expect(loadErrors.contains { $0.hasPrefix("indicators/missing.lua:1:") && $0.contains("nowhere") })
    }
}
