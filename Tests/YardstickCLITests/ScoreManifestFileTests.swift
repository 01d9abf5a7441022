import Testing
import YardstickScorecard
import YardstickTestSupport

@testable import YardstickCLI

@Suite struct ScoreManifestFileTests {
    static func manifest(results: String) -> ScoreManifest {
        let file = FileFingerprint(path: "yardstick.toml", size: 12, sha256: String(repeating: "a", count: 64))
        return ScoreManifest(
            tool: ToolInfo(version: "unreleased"), workspace: WorkspaceFingerprint(name: "Demo", configuration: file),
            data: DataFingerprint(files: [
                FileFingerprint(path: "data/users.csv", size: 40, sha256: String(repeating: "b", count: 64))
            ]),
            models: [], indicators: [],
            options: ScoreRunOptions(model: "sales", periods: [], asOf: 17_470, per: [.user], limits: .default),
            results: ResultsDigest(bytes: Array(results.utf8)))
    }

    @Test func aRerunWithTheSameDigestsVerifiesAndADifferentResultDoesNot() throws {
        let folder = try TemporaryDirectory(prefix: "manifest-file")
        let path = folder.path("run.json")
        try ScoreManifestFile.write(Self.manifest(results: "a,b\n1,2\n"), to: path)
        #expect(try ScoreManifestFile.verify(Self.manifest(results: "a,b\n1,2\n"), against: path))
        #expect(try !ScoreManifestFile.verify(Self.manifest(results: "a,b\n1,3\n"), against: path))
    }

    @Test func aMissingRecordedManifestIsAUsageError() throws {
        let folder = try TemporaryDirectory(prefix: "manifest-file")
        #expect {
            _ = try ScoreManifestFile.verify(Self.manifest(results: ""), against: folder.path("absent.json"))
        } throws: { error in
            (error as? CommandFailure)?.kind == .usage
        }
    }
}
