import Foundation
import Testing
import YardstickTestSupport

@testable import YardstickData

/// The snapshot cache: used when nothing changed, rebuilt on any change of the sources or the
/// mapping, never trusted when damaged, never left half written.
@Suite struct SnapshotCacheTests {
    static let toml = """
        [workspace]
        locale = "en"
        timezone = "Europe/Paris"
        [entities.users]
        file = "users.csv"
        [entities.opportunities]
        file = "opps.csv"
        [entities.activities]
        file = "activities.csv"
        """

    static let users = "id,name,active\nu1,Ann,true\nu2,Bo,false\nu3,Cy,\n"
    static let opportunities = """
        id,owner,stage,amount,closed_at
        o1,u1,won,100,2026-10-05
        o2,u2,lost,0,2026-10-09
        o3,u1,won,250.25,2026-09-30
        o4,u1,qualification,,
        o5,u9,won,10,2026-11-01
        o1,u2,won,5,2026-10-31

        """
    static let activities = """
        id,owner,type,occurred_at,duration_seconds
        a1,u1,call,2026-10-01T08:30:00,60
        a2,u2,email,2026-10-02T23:30:00Z,
        a3,u1,meeting,2026-10-03 10:00:00,3600

        """

    func workspace() throws -> TemporaryWorkspace {
        try TemporaryWorkspace(
            toml: Self.toml,
            text: ["users.csv": Self.users, "opps.csv": Self.opportunities, "activities.csv": Self.activities])
    }

    func cache(_ workspace: TemporaryWorkspace) throws -> SnapshotCache {
        SnapshotCache(workspace: try workspace.open())
    }

    func load(_ workspace: TemporaryWorkspace, lenient: Bool = false, sampleSize: Int = 20) throws
        -> SnapshotCache.Load
    {
        try cache(workspace).load(options: LoadOptions(lenient: lenient, problemSampleSize: sampleSize))
    }

    @Test func secondLoadOfUnchangedDataComesFromTheSnapshotAndEqualsTheLoad() throws {
        let workspace = try workspace()
        let first = try load(workspace)
        #expect(first.outcome == .written(because: "there was no snapshot"))
        #expect(FileManager.default.fileExists(atPath: try cache(workspace).path))
        let second = try load(workspace)
        #expect(second.outcome == .used)
        #expect(second.warnings.isEmpty)
        let fresh = try workspace.load().0
        #expect(DatasetDifferences.between(second.dataset, fresh) == [])
        // Indexes answer from the snapshot as they do after a load.
        let opportunities = try #require(second.dataset["opportunities"])
        #expect(opportunities.row(forKey: "o3") == 2)
        #expect(opportunities.duplicateKeys.map(\.row) == [5])
        #expect(Array(try #require(opportunities.referenceIndexes["owner"]).rows(referencing: 0)) == [0, 2, 3])
        #expect(opportunities["owner"]?.referencedRows == [0, 1, 0, 0, -2, 1])
    }

    /// Sets every data file's modification time back an hour, as for an export made earlier.
    func age(_ workspace: TemporaryWorkspace) throws {
        let data = workspace.directory + "/data"
        for name in try FileManager.default.contentsOfDirectory(atPath: data) {
            try FileManager.default.setAttributes(
                [.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: data + "/" + name)
        }
    }

    @Test func unchangedSourcesAreNotReadAgainToIdentifyThem() throws {
        let workspace = try workspace()
        try age(workspace)
        #expect(try load(workspace).hashedFiles == 3)
        let second = try load(workspace)
        #expect(second.outcome == .used)
        #expect(second.hashedFiles == 0)
        // A touch changes the status, not the bytes: hashed again, and the snapshot fits.
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-1800)], ofItemAtPath: workspace.directory + "/data/users.csv"
        )
        let touched = try load(workspace)
        #expect(touched.outcome == .used)
        #expect(touched.hashedFiles == 1)
    }

    @Test func aFileModifiedJustBeforeItWasHashedIsHashedAgain() throws {
        let workspace = try workspace()
        _ = try load(workspace)
        // Written within the second before the hash: the same status could hide a second write.
        #expect(try load(workspace).hashedFiles == 3)
    }

    @Test func theCacheFolderIgnoresItselfInGit() throws {
        let workspace = try workspace()
        _ = try load(workspace)
        let ignore = try String(contentsOfFile: workspace.directory + "/.yardstick/.gitignore", encoding: .utf8)
        #expect(ignore.split(separator: "\n").contains("*"))
    }

    @Test func anEditOfTheSameSizeWithItsModificationTimePutBackIsSeen() throws {
        let workspace = try workspace()
        _ = try load(workspace)
        let path = workspace.directory + "/data/opps.csv"
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        try workspace.folder.write(
            Self.opportunities.replacingOccurrences(of: "o3,u1,won,250.25", with: "o3,u1,won,950.25"),
            to: "data/opps.csv")
        try FileManager.default.setAttributes([.modificationDate: try #require(before)], ofItemAtPath: path)
        let after = try load(workspace)
        #expect(after.outcome == .written(because: "\(path) changed"))
        #expect(after.dataset["opportunities"]?["amount"]?.value(at: 2) == .decimal(ExactDecimal(scaled: 9_502_500)))
    }

    @Test func anAddedRowRebuildsTheSnapshot() throws {
        let workspace = try workspace()
        _ = try load(workspace)
        try workspace.folder.write(Self.users + "u4,Di,true\n", to: "data/users.csv")
        let after = try load(workspace)
        #expect(after.outcome == .written(because: "\(workspace.directory)/data/users.csv changed"))
        #expect(after.dataset["users"]?.rowCount == 4)
        #expect(try load(workspace).outcome == .used)
    }

    @Test func aMappingChangeRebuildsTheSnapshot() throws {
        let workspace = try workspace()
        _ = try load(workspace)
        try workspace.folder.write(
            Self.toml + "\n[entities.opportunities.fields]\nstage = { column = \"stage\", map = { won = \"lost\" } }\n",
            to: "yardstick.toml")
        let after = try load(workspace)
        #expect(after.outcome == .written(because: "the mapping in yardstick.toml changed"))
        #expect(after.dataset["opportunities"]?["stage"]?.value(at: 0) == .string("lost"))
    }

    @Test func aTimeZoneChangeRebuildsTheSnapshot() throws {
        let workspace = try workspace()
        _ = try load(workspace)
        try workspace.folder.write(
            Self.toml.replacingOccurrences(of: "Europe/Paris", with: "Asia/Shanghai"), to: "yardstick.toml")
        #expect(try load(workspace).outcome == .written(because: "the mapping in yardstick.toml changed"))
    }

    @Test func settingsThatDoNotChangeTheTablesKeepTheSnapshot() throws {
        let workspace = try workspace()
        _ = try load(workspace)
        try workspace.folder.write(
            Self.toml.replacingOccurrences(of: "locale = \"en\"", with: "locale = \"zh-CN\"")
                + "\n[calendar]\nfiscal_year_start = 4\n",
            to: "yardstick.toml")
        #expect(try load(workspace).outcome == .used)
    }

    @Test(arguments: [100, 600, -7])
    func aFlippedByteIsDetectedAndTheSnapshotRebuiltWithAWarning(offset: Int) throws {
        let workspace = try workspace()
        _ = try load(workspace)
        let path = try cache(workspace).path
        var bytes = try #require(FileManager.default.contents(atPath: path))
        let index = offset >= 0 ? offset : bytes.count + offset
        bytes[index] ^= 0x10
        try bytes.write(to: URL(fileURLWithPath: path))
        let after = try load(workspace)
        #expect(after.outcome == .written(because: "the snapshot was damaged"))
        #expect(after.warnings.count == 1)
        #expect(after.warnings.first?.hasPrefix("the snapshot cache \(path): ") == true)
        #expect(DatasetDifferences.between(after.dataset, try workspace.load().0) == [])
        #expect(try load(workspace).outcome == .used)
    }

    /// Cut in the middle of a block, and exactly before the end block (32 bytes: length,
    /// block count, hash, checksum), which no block checksum can see.
    @Test(arguments: [0.5, 32.0])
    func aTruncatedSnapshotIsDetectedAndRebuilt(cut: Double) throws {
        let workspace = try workspace()
        _ = try load(workspace)
        let path = try cache(workspace).path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let keep = cut < 1 ? Int(Double(bytes.count) * cut) : bytes.count - Int(cut)
        try bytes.prefix(keep).write(to: URL(fileURLWithPath: path))
        let after = try load(workspace)
        #expect(after.outcome == .written(because: "the snapshot was damaged"))
        #expect(after.warnings.count == 1)
        #expect(DatasetDifferences.between(after.dataset, try workspace.load().0) == [])
    }

    @Test func anInterruptedWriteLeavesTheOldSnapshotAndTheNextLoadIsRight() throws {
        let workspace = try workspace()
        _ = try load(workspace)
        let path = try cache(workspace).path
        let old = try #require(FileManager.default.contents(atPath: path))
        try workspace.folder.write(Self.users + "u4,Di,true\n", to: "data/users.csv")
        var interrupted = try cache(workspace)
        interrupted.interruption = SnapshotInterruption(afterBytes: old.count / 2, action: .fail)
        let load = try interrupted.load(options: LoadOptions())
        guard case .notWritten = load.outcome else {
            Issue.record("the interrupted write was reported as \(load.outcome)")
            return
        }
        #expect(load.dataset["users"]?.rowCount == 4)
        #expect(FileManager.default.contents(atPath: path) == old)
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: (path as NSString).deletingLastPathComponent)
        #expect(leftovers == ["tables.snapshot"])
        let next = try self.load(workspace)
        #expect(next.outcome == .written(because: "\(workspace.directory)/data/users.csv changed"))
        #expect(next.dataset["users"]?.rowCount == 4)
        #expect(try self.load(workspace).outcome == .used)
    }

    @Test func anInterruptedFirstWriteLeavesNoSnapshot() throws {
        let workspace = try workspace()
        var interrupted = try cache(workspace)
        interrupted.interruption = SnapshotInterruption(afterBytes: 100, action: .fail)
        _ = try interrupted.load(options: LoadOptions())
        #expect(!FileManager.default.fileExists(atPath: interrupted.path))
        #expect(try load(workspace).outcome == .written(because: "there was no snapshot"))
    }

    static let badOpportunities = """
        id,owner,stage,amount,closed_at
        o1,u1,won,100,2026-10-05
        o2,u2,lost,lots,2026-10-09
        o3,u1,won,250.25,someday
        o4,u1,qualification,,

        """

    @Test func aLenientSnapshotReportsTheSameSkippedRowsAndAStrictLoadStillFails() throws {
        let workspace = try TemporaryWorkspace(
            toml: Self.toml,
            text: ["users.csv": Self.users, "opps.csv": Self.badOpportunities, "activities.csv": Self.activities])
        let first = try load(workspace, lenient: true)
        let second = try load(workspace, lenient: true)
        #expect(second.outcome == .used)
        #expect(second.report.rejectedRows == 2)
        #expect(second.report.rejectedProblems == first.report.rejectedProblems)
        #expect(second.report.rejectedProblems.map(\.row) == [3, 4])
        #expect(second.dataset["opportunities"]?.rowCount == 2)
        let fresh = try workspace.loadFailure(lenient: false)
        #expect(throws: LoadFailure.self) { try self.load(workspace) }
        do {
            _ = try load(workspace)
        } catch {
            #expect("\(error)" == fresh)
        }
    }

    @Test func aSnapshotKeepingFewerSkippedRowsThanARunListsIsRebuilt() throws {
        let rows = (1...30).map { "o\($0),u1,won,bad\($0),2026-10-05" }.joined(separator: "\n")
        let workspace = try TemporaryWorkspace(
            toml: Self.toml,
            text: [
                "users.csv": Self.users, "opps.csv": "id,owner,stage,amount,closed_at\n\(rows)\n",
                "activities.csv": Self.activities,
            ])
        _ = try load(workspace, lenient: true, sampleSize: 20)
        let summary = try load(workspace, lenient: true, sampleSize: 5)
        #expect(summary.outcome == .used)
        #expect(summary.report.rejectedProblems.count == 5)
        let listing = try load(workspace, lenient: true, sampleSize: .max)
        #expect(listing.outcome == .written(because: "it keeps fewer rejected rows than this run lists"))
        #expect(listing.report.rejectedProblems.count == 30)
        #expect(try load(workspace, lenient: true, sampleSize: 20).outcome == .used)
    }

    @Test func jsonNdjsonAndAlignedTextSourcesRoundTrip() throws {
        let workspace = try TemporaryWorkspace(
            toml: """
                [entities.users]
                file = "users.ndjson"
                [entities.accounts]
                file = "accounts.json"
                [entities.opportunities]
                file = "opps.txt"
                format = "whitespace"
                """,
            text: [
                "users.ndjson": "{\"id\": \"u1\", \"name\": \"Ann\"}\n{\"id\": \"u2\", \"name\": \"Bo\"}\n",
                "accounts.json": "[{\"id\": \"a1\", \"name\": \"Acme\", \"owner\": \"u2\"}]",
                "opps.txt": "id  owner  stage  amount\no1  u1     won    10.5\no2  u2     lost   3\n",
            ])
        _ = try load(workspace)
        let cached = try load(workspace)
        #expect(cached.outcome == .used)
        #expect(DatasetDifferences.between(cached.dataset, try workspace.load().0) == [])
        try workspace.folder.write(
            "[{\"id\": \"a1\", \"name\": \"Acme Ltd\", \"owner\": \"u2\"}]", to: "data/accounts.json")
        let edited = try load(workspace)
        #expect(edited.outcome == .written(because: "\(workspace.directory)/data/accounts.json changed"))
        #expect(edited.dataset["accounts"]?["name"]?.value(at: 0) == .string("Acme Ltd"))
    }

    @Test func filesOutsideTheWorkspaceFolderAreWatchedToo() throws {
        let elsewhere = try TemporaryDirectory(prefix: "export")
        try elsewhere.write(Self.users, to: "users.csv")
        let workspace = try TemporaryWorkspace(
            toml: """
                [sources.crm]
                kind = "folder"
                path = "\(elsewhere.path)"
                [entities.users]
                file = "users.csv"
                """)
        _ = try load(workspace)
        #expect(try load(workspace).outcome == .used)
        try elsewhere.write(Self.users + "u4,Di,true\n", to: "users.csv")
        let edited = try load(workspace)
        #expect(edited.outcome == .written(because: "\(elsewhere.path)/users.csv changed"))
        #expect(edited.dataset["users"]?.rowCount == 4)
    }

    @Test func aLoadThatFailsWritesNoSnapshot() throws {
        let workspace = try TemporaryWorkspace(
            toml: Self.toml,
            text: ["users.csv": Self.users, "opps.csv": Self.badOpportunities, "activities.csv": Self.activities])
        #expect(throws: LoadFailure.self) { try self.load(workspace) }
        #expect(!FileManager.default.fileExists(atPath: try cache(workspace).path))
    }

    @Test func aMissingSourceFileFailsAsWithoutTheCache() throws {
        let workspace = try workspace()
        _ = try load(workspace)
        try FileManager.default.removeItem(atPath: workspace.directory + "/data/users.csv")
        #expect(throws: LoadFailure.self) { try self.load(workspace) }
    }
}
