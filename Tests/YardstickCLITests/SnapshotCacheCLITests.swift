import Foundation
import Testing
import YardstickTestSupport

/// The snapshot cache from the command line: the second run reads it, `--no-cache` leaves it
/// alone, a run killed while writing it leaves no half snapshot.
@Suite struct SnapshotCacheCLITests {
    static func snapshot(in folder: TemporaryDirectory) -> String {
        folder.path + "/.yardstick/cache/tables.snapshot"
    }

    /// The `cache:` line of `--timings` output, its times replaced by `<t>`.
    static func cacheLine(_ stderr: String) -> String {
        let line = stderr.split(separator: "\n").first { $0.hasPrefix("cache: ") }.map(String.init) ?? ""
        let timed = GoldenOutputNormalizer.replace(#"[0-9]+\.[0-9]+ s"#, in: line, with: "<t> s")
        return GoldenOutputNormalizer.replace(#"\([0-9]+ files? hashed\)"#, in: timed, with: "(<n> hashed)")
    }

    /// The end of a `cache:` line: what the cache cost.
    static let costs = "sources identified in <t> s (<n> hashed), snapshot read in <t> s)"

    static func runArguments(_ folder: TemporaryDirectory) -> [String] {
        ["run", "--workspace", folder.path, "--period", "2026-10", "--format", "csv"]
    }

    @Test func theSecondRunReadsTheSnapshotAndPrintsTheSameFigures() throws {
        let folder = try SmallWorkspace.create()
        let first = try CLI.run(Self.runArguments(folder) + ["--timings"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(Self.cacheLine(first.stderr).hasSuffix("(there was no snapshot; " + Self.costs), "\(first.stderr)")
        let second = try CLI.run(Self.runArguments(folder) + ["--timings"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(
            Self.cacheLine(second.stderr) == "cache: tables read from the snapshot (" + Self.costs, "\(second.stderr)")
        #expect(second.stdout == first.stdout)
        #expect(second.stdout.contains("2026-10,user,u1,Ann,won_revenue,300.3,money,ok"), "\(second.stdout)")
    }

    @Test func noCacheNeitherReadsNorWritesTheSnapshot() throws {
        let folder = try SmallWorkspace.create()
        let outcome = try CLI.run(Self.runArguments(folder) + ["--no-cache", "--timings"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("cache:"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/.yardstick"))
        let score = try CLI.run(["score", "--workspace", folder.path, "--period", "2026-10", "--no-cache"])
        #expect(!score.stderr.contains("unknown option"), "\(score.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/.yardstick"))
    }

    @Test func aLenientRunFromTheSnapshotNamesTheSameSkippedRows() throws {
        let folder = try SmallWorkspace.create()
        try folder.write(
            "id,owner,stage,amount,created_at,closed_at\no1,u1,won,100,2026-09-01,2026-10-05\n"
                + "o2,u1,won,lots,2026-09-01,2026-10-06\n",
            to: "data/opportunities.csv")
        let arguments = Self.runArguments(folder) + ["--lenient"]
        let first = try CLI.run(arguments)
        let second = try CLI.run(arguments)
        #expect(FileManager.default.fileExists(atPath: Self.snapshot(in: folder)))
        #expect(second.status == 0)
        #expect(
            second.stderr == """
                skipped: data/opportunities.csv:3:amount: expected a decimal number (at most 4 decimal places), found "lots"
                warning: 1 bad row was skipped

                """)
        #expect(second.stderr == first.stderr)
        #expect(second.stdout == first.stdout)
        // Strict, the same data still fails, from the snapshot too.
        let strict = try CLI.run(Self.runArguments(folder))
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("1 bad rows; nothing was loaded"), "\(strict.stderr)")
    }

    @Test func aRunKilledWhileWritingTheSnapshotLeavesTheOldOneAndTheNextRunIsRight() throws {
        let folder = try SmallWorkspace.create()
        #expect(try CLI.run(Self.runArguments(folder)).status == 0)
        let old = try #require(FileManager.default.contents(atPath: Self.snapshot(in: folder)))
        try folder.write(
            "id,owner,stage,amount,created_at,closed_at\no1,u1,won,700,2026-09-01,2026-10-05\n",
            to: "data/opportunities.csv")
        let killed = try RunningCLI(
            Self.runArguments(folder), environment: ["YARDSTICK_SNAPSHOT_KILL_AFTER_BYTES": "\(old.count / 2)"])
        let end = killed.finish()
        #expect(end.signalled && end.status == SIGKILL, "status \(end.status): \(killed.stderr)")
        #expect(FileManager.default.contents(atPath: Self.snapshot(in: folder)) == old)
        let cacheFolder = folder.path + "/.yardstick/cache"
        #expect(try FileManager.default.contentsOfDirectory(atPath: cacheFolder).count == 2)
        let next = try CLI.run(Self.runArguments(folder) + ["--timings"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(
            Self.cacheLine(next.stderr).hasSuffix(
                "(\(folder.path)/data/opportunities.csv changed; " + Self.costs),
            "\(next.stderr)")
        #expect(next.stdout.contains("2026-10,user,u1,Ann,won_revenue,700,money,ok"), "\(next.stdout)")
        // The killed run's temporary file is gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: cacheFolder) == ["tables.snapshot"])
        let after = try CLI.run(Self.runArguments(folder) + ["--timings"])
        #expect(Self.cacheLine(after.stderr) == "cache: tables read from the snapshot (" + Self.costs)
        #expect(after.stdout == next.stdout)
    }

    @Test func aFirstRunKilledWhileWritingLeavesNoSnapshot() throws {
        let folder = try SmallWorkspace.create()
        let killed = try RunningCLI(
            Self.runArguments(folder), environment: ["YARDSTICK_SNAPSHOT_KILL_AFTER_BYTES": "1000"])
        let end = killed.finish()
        #expect(end.signalled && end.status == SIGKILL)
        #expect(!FileManager.default.fileExists(atPath: Self.snapshot(in: folder)))
        let next = try CLI.run(Self.runArguments(folder))
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.contains("2026-10,user,u1,Ann,won_revenue,300.3,money,ok"))
        #expect(FileManager.default.fileExists(atPath: Self.snapshot(in: folder)))
    }

    @Test func aDamagedSnapshotIsAWarningAndTheRunIsRight() throws {
        let folder = try SmallWorkspace.create()
        let first = try CLI.run(Self.runArguments(folder))
        let path = Self.snapshot(in: folder)
        var bytes = try #require(FileManager.default.contents(atPath: path))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: path))
        let second = try CLI.run(Self.runArguments(folder))
        #expect(second.status == 0)
        #expect(second.stdout == first.stdout)
        #expect(second.stderr.hasPrefix("warning: the snapshot cache \(path): "), "\(second.stderr)")
        #expect(second.stderr.hasSuffix("; loading the sources and rebuilding it\n"))
    }

    @Test func initKeepsTheCacheFolderOutOfGit() throws {
        let folder = try CLI.temporaryFolder()
        try folder.write("build/\n", to: "starter/.gitignore")
        let outcome = try CLI.run(["init", folder.path + "/starter"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let ignore = try String(contentsOfFile: folder.path + "/starter/.gitignore", encoding: .utf8)
        #expect(ignore == "build/\n# Yardstick's snapshot cache (docs/workspace.md#snapshot-cache)\n.yardstick/\n")
    }
}
