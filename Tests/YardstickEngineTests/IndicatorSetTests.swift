import Foundation
import LuaRuntime
import Testing

@testable import YardstickEngine

/// Indicator sets: each set runs in Lua states of its own, and its ids are namespaced.
@Suite struct IndicatorSetTests {
    /// A folder of indicator files and modules under a fresh temporary folder, removed by
    /// ``remove()``.
    struct SetFolder {
        let path: String

        init(_ files: [String: String]) throws {
            path = NSTemporaryDirectory() + "yardstick-set-" + UUID().uuidString
            for (name, text) in files {
                let file = path + "/" + name
                try FileManager.default.createDirectory(
                    atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            }
        }

        func remove() { try? FileManager.default.removeItem(atPath: path) }

        /// The folder as a set: its `*.lua` files, `require` finding modules in it.
        func set(_ id: String?) throws -> IndicatorSet {
            try IndicatorSet(
                id: id, sources: IndicatorDiscovery.folder(path, workspace: path),
                modules: ModuleFolder(path: path, displayPrefix: id ?? "indicators"))
        }
    }

    /// A set whose module `lib.shared`, top-level global and indicator `x` all have the same
    /// names as the other sets', with its own number in each.
    static func clashingSet(_ number: Int) throws -> SetFolder {
        try SetFolder([
            "lib/shared.lua": "return { number = \(number) }",
            "x.lua": """
            loads = (loads or 0) + 1
            local shared = require("lib.shared")
            return indicator { id = "x", value = function(s) return shared.number * 10 + loads end }
            """,
        ])
    }

    @Test func setsWithTheSameNamesDoNotSeeEachOtherAndTheirIdsAreNamespaced() throws {
        let (workspace, engine, directory) = try EngineFixture.workspace()
        defer { withExtendedLifetime(directory) {} }
        let folders = try [1, 2, 3].map(Self.clashingSet)
        defer { folders.forEach { $0.remove() } }
        let sets = try [folders[0].set(nil), folders[1].set("a"), folders[2].set("b")]
        let report = try Evaluator(engine: engine, workspace: workspace, workers: 2)
            .run(IndicatorSelection(sets: sets), periods: [EngineFixture.october], grains: [.user, .team])
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.indicators.map(\.id) == ["x", "a.x", "b.x"])
        #expect(report.results.indicatorIDs == ["x", "a.x", "b.x"])
        // Each set loaded its own module once, in a state where no other set had run.
        for (id, value) in [("x", 11), ("a.x", 21), ("b.x", 31)] {
            for subject in [SubjectKey(.user, "u1"), SubjectKey(.team, "T2")] {
                let figure = report.results[subject: subject, indicator: id, period: EngineFixture.october]
                #expect(figure?.value == .integer(Int64(value)), "\(id) for \(subject)")
            }
        }
        // Every subject's figures hold the sets' indicators set by set.
        #expect(report.results.rows.count == 3 + 2)
        for row in report.results.rows { #expect(row.figures.map(\.indicatorID) == ["x", "a.x", "b.x"]) }
        #expect(report.statistics?.figuresByIndicator.keys.sorted() == ["a.x", "b.x", "x"])
        #expect(report.statistics?.figures.total == report.results.count)
    }

    @Test func idsNarrowAcrossSetsByTheirQualifiedNames() throws {
        let (workspace, engine, directory) = try EngineFixture.workspace()
        defer { withExtendedLifetime(directory) {} }
        let folders = try [1, 2].map(Self.clashingSet)
        defer { folders.forEach { $0.remove() } }
        let sets = try [folders[0].set(nil), folders[1].set("a")]
        let evaluator = Evaluator(engine: engine, workspace: workspace, workers: 1)
        let onlyPack = try evaluator.run(
            IndicatorSelection(sets: sets, ids: ["a.x"]), periods: [EngineFixture.october], grains: [.user])
        #expect(onlyPack.indicators.map(\.id) == ["a.x"])
        #expect(Set(onlyPack.results.map(\.indicatorID)) == ["a.x"])
        #expect(throws: EvaluationError("no indicator b.x, y (known: a.x, x)")) {
            try evaluator.run(
                IndicatorSelection(sets: sets, ids: ["x", "y", "b.x"]), periods: [EngineFixture.october],
                grains: [.user])
        }
    }

    @Test func aPackFailureNamesTheQualifiedIndicatorAndItsFile() throws {
        let (workspace, engine, directory) = try EngineFixture.workspace()
        defer { withExtendedLifetime(directory) {} }
        let pack = try SetFolder([
            "bad.lua": #"return indicator { id = "bad", value = function(s) error("boom") end }"#,
            "broken.lua": "return indicator {",
        ])
        defer { pack.remove() }
        let report = try Evaluator(engine: engine, workspace: workspace, workers: 1)
            .run(IndicatorSelection(sets: [try pack.set("p")]), periods: [EngineFixture.october], grains: [.user])
        #expect(report.indicators.map(\.id) == ["p.bad"])
        let failures = report.errors.filter { !$0.indicatorID.isEmpty }
        #expect(failures.count == 3)
        #expect(failures.allSatisfy { $0.indicatorID == "p.bad" && $0.message.contains("boom") })
        // The load error of broken.lua names no indicator.
        #expect(report.errors.filter(\.indicatorID.isEmpty).map(\.file) == ["broken.lua"])
        #expect(report.results.allSatisfy { $0.value.status == .failed })
    }

    @Test func aLimitStopsAPackIndicatorUnderItsQualifiedIdOnly() throws {
        let (workspace, engine, directory) = try EngineFixture.workspace()
        defer { withExtendedLifetime(directory) {} }
        let looping = #"return indicator { id = "x", value = function(s) while true do end end }"#
        let own = try SetFolder(["x.lua": #"return indicator { id = "x", value = function(s) return 1 end }"#])
        let pack = try SetFolder(["x.lua": looping])
        defer { [own, pack].forEach { $0.remove() } }
        let report = try Evaluator(
            engine: engine, workspace: workspace,
            limits: LuaLimits(instructionsPerCall: 200_000, memoryBytes: 64 << 20, secondsPerCall: 5), workers: 1
        )
        .run(
            IndicatorSelection(sets: [try own.set(nil), try pack.set("loop")]), periods: [EngineFixture.october],
            grains: [.user])
        #expect(report.limitStops == ["loop.x": 1])
        #expect(report.statistics?.figuresByIndicator["loop.x"]?.stoppedByLimits == 3)
        #expect(report.statistics?.figuresByIndicator["x"]?.failed == 0)
        #expect(
            report.results.figures(of: "x", period: EngineFixture.october, grain: .user).map(\.value) == [
                .integer(1), .integer(1), .integer(1),
            ])
        #expect(Set(report.errors.map(\.indicatorID)) == ["loop.x"])
    }

    @Test func theSameQualifiedIdInTwoSetsIsRefused() throws {
        let (workspace, engine, directory) = try EngineFixture.workspace()
        defer { withExtendedLifetime(directory) {} }
        let own = try SetFolder(["ax.lua": #"return indicator { id = "a.x", value = function(s) return 1 end }"#])
        let pack = try SetFolder(["x.lua": #"return indicator { id = "x", value = function(s) return 2 end }"#])
        defer { [own, pack].forEach { $0.remove() } }
        let evaluator = Evaluator(engine: engine, workspace: workspace, workers: 1)
        #expect {
            try evaluator.run(
                IndicatorSelection(sets: [try own.set(nil), try pack.set("a")]), periods: [EngineFixture.october],
                grains: [.user])
        } throws: { error in
            "\(error)".hasPrefix("the indicator id a.x is declared twice")
        }
        #expect(throws: EvaluationError(#"two indicator sets have the id "a""#)) {
            try evaluator.run(
                IndicatorSelection(sets: [try pack.set("a"), try pack.set("a")]), periods: [EngineFixture.october],
                grains: [.user])
        }
    }

    @Test(arguments: ["a.b", "a b", "é"])
    func setIdsWithoutLettersDigitsUnderscoresOrDashesAreRefused(id: String) {
        #expect(throws: IndicatorSetError.invalidSetID(id)) {
            try IndicatorSet(id: id, sources: [], modules: nil)
        }
    }

    @Test func anEmptySetIdMeansTheWorkspaceSet() throws {
        #expect(try IndicatorSet(id: "", sources: [], modules: nil).isWorkspaceSet)
        #expect(try IndicatorSet(id: "sales-core_2", sources: [], modules: nil).qualifiedID("x") == "sales-core_2.x")
    }

    @Test func theWorkspaceSetAloneGivesTheSameReportAsItsFiles() throws {
        let (workspace, engine, directory) = try EngineFixture.workspace()
        defer { withExtendedLifetime(directory) {} }
        let own = try Self.clashingSet(1)
        defer { own.remove() }
        let set = try own.set(nil)
        var evaluator = Evaluator(engine: engine, workspace: workspace, workers: 1)
        let bySet = try evaluator.run(
            IndicatorSelection(sets: [set]), periods: [EngineFixture.october], grains: [.user, .company])
        evaluator.modules = set.modules
        let byFiles = try evaluator.run(
            sources: set.sources, periods: [EngineFixture.october], grains: [.user, .company])
        #expect(CSVReportWriter().text(bySet) == CSVReportWriter().text(byFiles))
        #expect(bySet.indicators == byFiles.indicators)
    }

    @Test func explainFindsAPackIndicatorByItsQualifiedId() throws {
        let (workspace, engine, directory) = try EngineFixture.workspace()
        defer { withExtendedLifetime(directory) {} }
        let folders = try [1, 2].map(Self.clashingSet)
        defer { folders.forEach { $0.remove() } }
        let sets = try [folders[0].set(nil), folders[1].set("a")]
        let evaluator = Evaluator(engine: engine, workspace: workspace, workers: 1)
        let explanation = try evaluator.explain(
            indicator: "a.x", subjectID: "u1", grain: .user, period: EngineFixture.october, sets: sets)
        #expect(explanation.definition.id == "a.x")
        #expect(explanation.value == .integer(21))
        #expect(throws: EvaluationError("no indicator b.x among the loaded indicator files")) {
            try evaluator.explain(
                indicator: "b.x", subjectID: "u1", grain: .user, period: EngineFixture.october, sets: sets)
        }
    }
}
