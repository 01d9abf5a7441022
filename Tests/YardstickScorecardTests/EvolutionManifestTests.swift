import Foundation
import LuaRuntime
import Testing
import YardstickData
import YardstickEngine
import YardstickScorecard
import YardstickTestSupport

@Suite struct EvolutionManifestTests {
    static let files: [String: String] = [
        "yardstick.toml": """
        [workspace]
        name = "Manifest demo"
        [entities.teams]
        file = "teams.csv"
        [entities.users]
        file = "users.csv"

        """,
        "data/teams.csv": "id,name,parent,kind\nC,Company,,company\nT1,North,C,team\n",
        "data/users.csv": "id,name,team,role\nu1,Ann,T1,sales\nu2,Bo,T1,sales\n",
        "scorecards/base.lua": "return scorecard { id = \"base\" }\n",
        "model.lua": "return scorecard { id = \"sales-v2\", extends = \"base\" }\n",
        "indicators/win_rate.lua": "return indicator { id = \"win_rate\" }\n",
        "indicators/lib/util.lua": "return { twice = function(x) return 2 * x end }\n",
    ]

    /// The model scored (extending `base`), and the workspace's models.
    static func models() -> (ScorecardDefinition, [ScorecardDefinition]) {
        var model = EvolutionFixture.definition(id: "sales-v2", version: "2", results: 80, quality: 20)
        model.file = "model.lua"
        model.extends = "base"
        var base = EvolutionFixture.definition(id: "base", version: "1", results: 60, quality: 40)
        base.file = "scorecards/base.lua"
        return (model, [model, base])
    }

    /// The workspace's indicators as discovery finds them (`indicators/*.lua`, modules below).
    static func selection(in folder: TemporaryDirectory) -> IndicatorSelection {
        IndicatorSelection(sets: [
            IndicatorSet.workspace(
                sources: [
                    Evaluator.Source(
                        file: "indicators/win_rate.lua", text: Self.files["indicators/win_rate.lua"] ?? "")
                ],
                modules: ModuleFolder(path: folder.path("indicators"), displayPrefix: "indicators"))
        ])
    }

    static func manifest(in folder: TemporaryDirectory, results: String = "period,total\n2017-10,91.6\n") throws
        -> ScoreManifest
    {
        let workspace = try Workspace.open(directory: folder.path)
        let (model, models) = Self.models()
        let options = ScoreRunOptions(
            model: model.id, periods: [EvolutionFixture.period], asOf: EvolutionFixture.period.lastDay + 1,
            per: [.user, .team], limits: .default)
        return try ScoreManifest.make(
            workspace: workspace, models: models, definition: model, selection: selection(in: folder), options: options,
            results: Array(results.utf8), toolVersion: "0.1.0")
    }

    @Test func theSameInputsGiveTheSameManifestByteForByte() throws {
        let folder = try TemporaryDirectory(prefix: "manifest")
        try folder.write(Self.files)
        let first = try Self.manifest(in: folder)
        let second = try Self.manifest(in: folder)
        #expect(first == second)
        #expect(first.jsonText == second.jsonText)
        #expect(first.differences(from: second).isEmpty)
    }

    @Test func everyFileIsFingerprintedWithItsPathSizeAndDigest() throws {
        let folder = try TemporaryDirectory(prefix: "manifest")
        try folder.write(Self.files)
        let manifest = try Self.manifest(in: folder)
        let users = Self.files["data/users.csv"] ?? ""
        #expect(manifest.data.files.map(\.path) == ["data/teams.csv", "data/users.csv"])
        #expect(manifest.data.files[1].size == users.utf8.count)
        #expect(manifest.data.files[1].sha256 == SHA256.hex(of: Array(users.utf8)))
        let lines = manifest.data.files.map { "\($0.sha256)  \($0.size)  \($0.path)\n" }.joined()
        #expect(manifest.data.sha256 == SHA256.hex(of: Array(lines.utf8)))
        #expect(manifest.workspace.name == "Manifest demo")
        #expect(manifest.workspace.configuration.path == "yardstick.toml")
        #expect(manifest.models.map(\.id) == ["sales-v2", "base"])
        #expect(manifest.models.map(\.file.path) == ["model.lua", "scorecards/base.lua"])
        #expect(manifest.models[1].file.sha256 == SHA256.hex(of: Array((Self.files["scorecards/base.lua"] ?? "").utf8)))
        #expect(manifest.indicators.map(\.path) == ["indicators/win_rate.lua", "indicators/lib/util.lua"])
        #expect(
            manifest.indicators[1].sha256 == SHA256.hex(of: Array((Self.files["indicators/lib/util.lua"] ?? "").utf8)))
        #expect(manifest.options.periods == ["2017-10"])
        #expect(manifest.options.asOf == "2017-11-01")
        #expect(manifest.options.per == ["user", "team"])
        #expect(manifest.results.size == 26)
        #expect(manifest.tool == ToolInfo(name: "yardstick", version: "0.1.0"))
    }

    @Test func oneChangedDataByteChangesTheDataFingerprint() throws {
        let folder = try TemporaryDirectory(prefix: "manifest")
        try folder.write(Self.files)
        let before = try Self.manifest(in: folder)
        _ = try folder.write("id,name,team,role\nu1,Ann,T1,sales\nu2,Bo,T1,salez\n", to: "data/users.csv")
        let after = try Self.manifest(in: folder)
        #expect(before.data.sha256 != after.data.sha256)
        #expect(before.data.files[0] == after.data.files[0])
        #expect(before.data.files[1].sha256 != after.data.files[1].sha256)
        #expect(before.models == after.models)
        let differences = before.differences(from: after)
        #expect(differences.count == 1)
        #expect(differences.first?.hasPrefix("data file data/users.csv: sha256 ") == true)
    }

    @Test func differentResultsAreNamedLast() throws {
        let folder = try TemporaryDirectory(prefix: "manifest")
        try folder.write(Self.files)
        let before = try Self.manifest(in: folder)
        let after = try Self.manifest(in: folder, results: "period,total\n2017-10,91.7\n")
        #expect(before.differences(from: after).count == 1)
        #expect(before.differences(from: after).first?.hasPrefix("results (csv): sha256 ") == true)
    }

    @Test func aManifestReadsBackFromItsFile() throws {
        let folder = try TemporaryDirectory(prefix: "manifest")
        try folder.write(Self.files)
        let manifest = try Self.manifest(in: folder)
        let path = folder.path("run.manifest.json")
        try manifest.write(to: path)
        #expect(try ScoreManifest.read(from: path) == manifest)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == manifest.jsonText)
        #expect(text.hasSuffix("}\n"))
    }

    @Test func anUnreadableModelFileIsAnErrorNamingIt() throws {
        let folder = try TemporaryDirectory(prefix: "manifest")
        var files = Self.files
        files["scorecards/base.lua"] = nil
        try folder.write(files)
        #expect {
            _ = try Self.manifest(in: folder)
        } throws: { error in
            (error as? ScorecardError)?.description == "scorecards/base.lua: cannot read the file to fingerprint it"
        }
    }
}

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func knownDigests(input: String, digest: String) {
        #expect(SHA256.hex(of: Array(input.utf8)) == digest)
    }

    @Test func aMillionAsFedInUnevenPiecesGiveTheStandardDigest() {
        var hash = SHA256()
        var fed = 0
        var piece = 1
        while fed < 1_000_000 {
            let count = min(piece, 1_000_000 - fed)
            hash.update([UInt8](repeating: UInt8(ascii: "a"), count: count))
            fed += count
            piece = piece * 3 % 997 + 1
        }
        #expect(SHA256.hex(hash.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
