import Foundation
import Testing

@testable import YardstickEngine

/// Finding a workspace's indicator files from `--indicators`.
@Suite struct IndicatorDiscoveryTests {
    /// A workspace folder with `indicators/{b,a}.lua`, `indicators/lib/m.lua` and
    /// `other/c.lua`, removed at the end of the test.
    static func workspace() throws -> String {
        let root = NSTemporaryDirectory() + "yardstick-discovery-" + UUID().uuidString
        for (name, text) in [
            "indicators/b.lua": "-- b", "indicators/a.lua": "-- a", "indicators/notes.txt": "not lua",
            "indicators/lib/m.lua": "return {}", "other/c.lua": "-- c",
        ] {
            let path = root + "/" + name
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        return root
    }

    @Test func withoutAnArgumentTheWorkspaceSetIsTheIndicatorsFolderSorted() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let selection = try IndicatorDiscovery.selection(argument: nil, workspace: root)
        #expect(selection.ids == nil)
        #expect(selection.sets.count == 1)
        let set = try #require(selection.sets.first)
        #expect(set.isWorkspaceSet)
        #expect(set.sources.map(\.file) == ["indicators/a.lua", "indicators/b.lua"])
        #expect(set.sources.map(\.text) == ["-- a", "-- b"])
        #expect(set.modules == ModuleFolder(path: root + "/indicators", displayPrefix: "indicators"))
    }

    @Test func idsAloneNarrowTheIndicatorsFolder() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let selection = try IndicatorDiscovery.selection(argument: "win_rate, pack.x", workspace: root)
        #expect(selection.ids == ["win_rate", "pack.x"])
        #expect(selection.sets.first?.sources.map(\.file) == ["indicators/a.lua", "indicators/b.lua"])
    }

    @Test func pathsReplaceTheFolderAndTheFirstOneHoldsTheModules() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let selection = try IndicatorDiscovery.selection(
            argument: "\(root)/other/c.lua,\(root)/indicators,won", workspace: root)
        #expect(selection.ids == ["won"])
        #expect(selection.sets.first?.sources.map(\.file) == ["other/c.lua", "indicators/a.lua", "indicators/b.lua"])
        #expect(selection.sets.first?.modules == ModuleFolder(path: root + "/other", displayPrefix: "other"))
    }

    @Test func packsFollowTheWorkspaceSetAndTheirIdsMustDiffer() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let pack = try IndicatorSet(id: "sales", sources: [], modules: nil)
        let selection = try IndicatorDiscovery.selection(argument: nil, workspace: root, packs: [pack])
        #expect(selection.sets.map(\.id) == [nil, "sales"])
        #expect(throws: IndicatorSetError.duplicateSetID("sales")) {
            try IndicatorDiscovery.selection(argument: nil, workspace: root, packs: [pack, pack])
        }
    }

    @Test func aMissingFolderOrUnreadableFileIsNamed() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.removeItem(atPath: root + "/indicators")
        #expect(throws: IndicatorSetError.missingFolder(path: root + "/indicators")) {
            try IndicatorDiscovery.selection(argument: nil, workspace: root)
        }
        #expect(
            IndicatorSetError.missingFolder(path: "/w/indicators").description
                == "no indicators folder at /w/indicators")
        try Data([0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: root + "/other/bad.lua"))
        #expect(throws: IndicatorSetError.unreadableFile(path: root + "/other/bad.lua")) {
            try IndicatorDiscovery.file(root + "/other/bad.lua", workspace: root)
        }
    }
}
