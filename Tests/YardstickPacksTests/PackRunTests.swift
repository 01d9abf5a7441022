import Foundation
import Testing
import YardstickData
import YardstickEngine
import YardstickQuery
import YardstickTestSupport

@testable import YardstickPacks

/// Packs evaluated end to end on the small sales workspace of `plugins new`'s fixture.
@Suite struct PackRunTests {
    private static func sections() -> WorkspaceSections {
        var sections = WorkspaceSections()
        sections.register(PacksSection.self)
        return sections
    }

    /// Resolves the workspace's packs (only its own `packs/` folder) and runs them for July 2026.
    private func run(_ folder: String, plugins: [String]? = nil, checksLock: Bool = true) throws -> RunReport {
        let workspace = try Workspace.open(directory: folder, sections: Self.sections())
        let (dataset, _) = try DataLoader(workspace: workspace).load()
        let locations = PackLocations([.init(folder: folder + "/packs", source: .workspace)])
        let sets = try PackSelection.resolve(
            workspace: workspace, plugins: plugins, checksLock: checksLock, locations: locations
        ).sets
        let evaluator = Evaluator(engine: QueryEngine(dataset: dataset), workspace: workspace, workers: 1)
        let period = try Period.parse("2026-07", calendar: workspace.calendar)
        return try evaluator.run(IndicatorSelection(sets: sets), periods: [period], grains: [.user])
    }

    private func value(_ report: RunReport, _ id: String, _ subject: String) -> ResultValue? {
        report.results.first { $0.indicatorID == id && $0.subjectID == subject }?.value
    }

    @Test func parameterDefaultsAndWorkspaceOverridesReachTheScript() throws {
        let directory = try TemporaryDirectory()
        let manifest = PackFixture.manifest(
            name: "p", extra: "[parameters.factor]\ntype = \"integer\"\ndefault = 2\ndoc = { en = \"a\", zh = \"b\" }")
        try PackFixture.writePack(
            in: directory, at: "ws/packs/p", manifest: manifest,
            indicators: ["scaled.lua": PackFixture.indicator(id: "scaled", value: "param(\"factor\") * 10")])
        let defaults = try PackFixture.writeWorkspace(in: directory, toml: "\n[packs.p]\n")
        #expect(value(try run(defaults), "p.scaled", "u1") == .integer(20))
        let overridden = try PackFixture.writeWorkspace(
            in: directory, at: "ws2", toml: "\n[packs.p]\nversion = \"^1.0\"\n[packs.p.parameters]\nfactor = 7\n")
        try FileManager.default.copyItem(atPath: directory.path("ws/packs"), toPath: directory.path("ws2/packs"))
        #expect(value(try run(overridden), "p.scaled", "u1") == .integer(70))
    }

    @Test func parameterOfTheWrongTypeIsALocatedError() throws {
        let directory = try TemporaryDirectory()
        let manifest = PackFixture.manifest(
            name: "p", extra: "[parameters.factor]\ntype = \"integer\"\ndefault = 2\ndoc = { en = \"a\", zh = \"b\" }")
        try PackFixture.writePack(in: directory, at: "ws/packs/p", manifest: manifest)
        let folder = try PackFixture.writeWorkspace(in: directory, toml: "\n[packs.p.parameters]\nfactor = \"two\"\n")
        let error = try #require(throws: PackError.self) { try run(folder) }
        #expect(error.code == .invalidWorkspacePacks)
        #expect(error.key == "packs.p.parameters.factor")
        #expect(error.line != nil)
        #expect(
            error.message.hasPrefix("parameter factor of pack p is an integer: expected an integer, found a string"))
    }

    @Test func unknownParameterInTheWorkspaceListsTheKnownOnes() throws {
        let directory = try TemporaryDirectory()
        let manifest = PackFixture.manifest(
            name: "p", extra: "[parameters.factor]\ntype = \"number\"\ndefault = 2\ndoc = { en = \"a\", zh = \"b\" }")
        try PackFixture.writePack(in: directory, at: "ws/packs/p", manifest: manifest)
        let folder = try PackFixture.writeWorkspace(in: directory, toml: "\n[packs.p.parameters]\nfactr = 3\n")
        let error = try #require(throws: PackError.self) { try run(folder) }
        #expect(error.message == "pack p has no parameter factr (known: factor)")
    }

    @Test func unknownParameterInAScriptFailsAtItsLine() throws {
        let directory = try TemporaryDirectory()
        try PackFixture.writePack(
            in: directory, at: "ws/packs/p", manifest: PackFixture.manifest(name: "p"),
            indicators: ["x.lua": PackFixture.indicator(id: "x", value: "param(\"nope\") + 1")])
        let folder = try PackFixture.writeWorkspace(in: directory, toml: "\n[packs.p]\n")
        let report = try run(folder)
        guard case .failed? = value(report, "p.x", "u1") else {
            Issue.record("expected a failure")
            return
        }
        let failure = try #require(report.errors.first { $0.indicatorID == "p.x" })
        #expect(failure.file == "p/indicators/x.lua")
        #expect(failure.line == 6, "\(failure)")
        #expect(failure.message.contains("param(\"nope\"): no such parameter (these indicators declare no parameters)"))
    }

    @Test func packsWithTheSameModuleAndGlobalDoNotSeeEachOther() throws {
        let directory = try TemporaryDirectory()
        for (name, number) in [("left", 1), ("right", 2)] {
            try PackFixture.writePack(
                in: directory, at: "ws/packs/\(name)", manifest: PackFixture.manifest(name: name),
                indicators: [
                    "a.lua": "shared = (shared or 0) + \(number * 100)\n"
                        + PackFixture.indicator(id: "same", value: "require(\"util\").number + shared")
                ],
                lib: ["util.lua": "return { number = \(number) }\n"])
        }
        let folder = try PackFixture.writeWorkspace(in: directory, toml: "\n[packs.left]\n[packs.right]\n")
        let report = try run(folder)
        #expect(value(report, "left.same", "u1") == .integer(101))
        #expect(value(report, "right.same", "u1") == .integer(202))
    }

    @Test func packThatFailsToLoadIsReportedWithItsLineAndTheOthersRun() throws {
        let directory = try TemporaryDirectory()
        try PackFixture.writePack(
            in: directory, at: "ws/packs/broken", manifest: PackFixture.manifest(name: "broken"),
            indicators: ["bad.lua": "return indicator {\n  id = \"bad\",\n  value = function( return 1 end,\n}\n"])
        try PackFixture.writePack(
            in: directory, at: "ws/packs/fine", manifest: PackFixture.manifest(name: "fine"),
            indicators: ["ok.lua": PackFixture.indicator(id: "ok", value: "s.opportunities:count()")])
        let folder = try PackFixture.writeWorkspace(in: directory, toml: "\n[packs.broken]\n[packs.fine]\n")
        let report = try run(folder)
        #expect(value(report, "fine.ok", "u1") == .integer(2))
        let failure = try #require(report.errors.first { $0.file == "broken/indicators/bad.lua" })
        #expect(failure.line == 3)
    }

    @Test func pluginsOptionRunsOnlyTheNamedPacks() throws {
        let directory = try TemporaryDirectory()
        for name in ["one", "two"] {
            try PackFixture.writePack(
                in: directory, at: "ws/packs/\(name)", manifest: PackFixture.manifest(name: name),
                indicators: ["x.lua": PackFixture.indicator(id: "x", value: "1")])
        }
        let folder = try PackFixture.writeWorkspace(in: directory, toml: "\n[packs.one]\n[packs.two]\n")
        #expect(try run(folder).indicators.map(\.id) == ["one.x", "two.x"])
        #expect(try run(folder, plugins: ["two"]).indicators.map(\.id) == ["two.x"])
    }

    @Test func workspaceOverrideReplacesOneIndicatorOfAPack() throws {
        let directory = try TemporaryDirectory()
        try PackFixture.writePack(
            in: directory, at: "ws/packs/p", manifest: PackFixture.manifest(name: "p"),
            indicators: [
                "a.lua": PackFixture.indicator(id: "a", value: "1"),
                "b.lua": PackFixture.indicator(id: "b", value: "2"),
            ])
        let folder = try PackFixture.writeWorkspace(in: directory, toml: "\n[packs.p]\n")
        _ = try directory.write(PackFixture.indicator(id: "b", value: "k(\"a\") + 40"), to: "ws/overrides/p/b.lua")
        let report = try run(folder)
        #expect(report.indicators.map(\.id) == ["p.a", "p.b"])
        #expect(value(report, "p.b", "u1") == .integer(41))
        #expect(report.indicators.last?.sourceFile == "overrides/p/b.lua")
    }

    @Test func lockMismatchNamesTheChangedFileAndIgnoringRuns() throws {
        let directory = try TemporaryDirectory()
        try PackFixture.writePack(
            in: directory, at: "ws/packs/p", manifest: PackFixture.manifest(name: "p"),
            indicators: ["x.lua": PackFixture.indicator(id: "x", value: "1")])
        let folder = try PackFixture.writeWorkspace(in: directory, toml: "\n[packs.p]\n")
        let workspace = try Workspace.open(directory: folder, sections: Self.sections())
        let locations = PackLocations([.init(folder: folder + "/packs", source: .workspace)])
        let (packs, _) = try PackSelection.resolve(
            workspace: workspace, plugins: nil, checksLock: false, locations: locations)
        try PackLock(locking: packs).write(workspace: folder)
        let reread = try #require(try PackLock.read(workspace: folder))
        #expect(reread == (try PackLock(locking: packs)))
        #expect(try run(folder).indicators.map(\.id) == ["p.x"])

        _ = try directory.write(PackFixture.indicator(id: "x", value: "2"), to: "ws/packs/p/indicators/x.lua")
        let error = try #require(throws: PackError.self) { try run(folder) }
        #expect(error.code == .lockMismatch)
        #expect(error.message.hasPrefix("pack p: indicators/x.lua changed since yardstick.lock was written"))
        #expect(error.file?.hasSuffix("ws/packs/p/indicators/x.lua") == true)
        #expect(value(try run(folder, checksLock: false), "p.x", "u1") == .integer(2))

        _ = try directory.write(PackFixture.indicator(id: "x", value: "1"), to: "ws/packs/p/indicators/x.lua")
        _ = try directory.write("return 1\n", to: "ws/packs/p/lib/new.lua")
        let added = try #require(throws: PackError.self) { try PackLock.read(workspace: folder)?.verify(packs) }
        #expect(added.message.hasPrefix("pack p: lib/new.lua is new since yardstick.lock was written"))
    }
}
