import Foundation
import Testing
import YardstickTestSupport

/// `yardstick plugins` and `yardstick lock` as a user runs them (the built binary).
@Suite struct PluginsCLITests {
    @Test func newPackPassesCheckAndTestFromTheCommandLine() throws {
        let directory = try TemporaryDirectory()
        let created = try CLI.run(["plugins", "new", "acme-kpis", "--in", directory.path])
        #expect(created.status == 0, "\(created.stderr)")
        let folder = directory.path("acme-kpis")
        let checked = try CLI.run(["plugins", "check", folder])
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        #expect(checked.stdout == "✓ acme-kpis 0.1.0: 1 indicators, 1 parameters\n")
        let tested = try CLI.run(["plugins", "test", folder])
        #expect(tested.status == 0, "\(tested.stdout)\(tested.stderr)")
        #expect(tested.stdout == "✓ acme-kpis · basic: 4/4 passed\nacme-kpis: 4 passed, 0 failed\n")
    }

    @Test func failingExpectationExitsWithOne() throws {
        let directory = try TemporaryDirectory()
        _ = try CLI.run(["plugins", "new", "acme-kpis", "--in", directory.path])
        let expected = directory.path("acme-kpis/tests/basic/expected.csv")
        let text = try String(contentsOfFile: expected, encoding: .utf8)
        try text.replacingOccurrences(of: "acme,2026-Q3,2000.5", with: "acme,2026-Q3,2000")
            .write(toFile: expected, atomically: true, encoding: .utf8)
        let tested = try CLI.run(["plugins", "test", directory.path("acme-kpis")])
        #expect(tested.status == 1)
        #expect(
            tested.stdout.contains(
                "    ✗ won_revenue company acme 2026-Q3 (expected.csv:5): expected 2000, got 2000.5\n"))
        #expect(tested.stdout.hasSuffix("acme-kpis: 3 passed, 1 failed\n"))
    }

    @Test func shippedPacksPassTheirChecksAndFixtures() throws {
        let checked = try CLI.run(["plugins", "check", RepositoryRoot.path("plugins")])
        #expect(checked.status == 0, "\(checked.stdout)")
        let tested = try CLI.run(["plugins", "test", RepositoryRoot.path("plugins")])
        #expect(tested.status == 0, "\(tested.stdout)")
    }

    @Test func runRefusesAPackWhoseFileChangedSinceTheLock() throws {
        let directory = try TemporaryDirectory()
        _ = try CLI.run(["plugins", "new", "acme-kpis", "--in", directory.path("ws/packs")])
        let workspace = directory.path("ws")
        try FileManager.default.copyItem(
            atPath: directory.path("ws/packs/acme-kpis/tests/basic/data"), toPath: directory.path("ws/data"))
        let toml = try String(
            contentsOfFile: directory.path("ws/packs/acme-kpis/tests/basic/yardstick.toml"), encoding: .utf8)
        _ = try directory.write(toml + "\n[packs.acme-kpis]\nversion = \"^0.1\"\n", to: "ws/yardstick.toml")
        let locked = try CLI.run(["lock", "--workspace", workspace])
        #expect(locked.status == 0, "\(locked.stderr)")
        let run = ["run", "--workspace", workspace, "--period", "2026-07", "--per", "company", "--format", "csv"]
        #expect(try CLI.run(run).status == 0)
        _ = try directory.write("-- edited\n", to: "ws/packs/acme-kpis/lib/extra.lua")
        let refused = try CLI.run(run)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("pack acme-kpis: lib/extra.lua is new since yardstick.lock was written"))
        let ignored = try CLI.run(run + ["--ignore-lock"])
        #expect(ignored.status == 0)
        #expect(ignored.stdout.contains("acme-kpis.won_revenue"))
        #expect(ignored.stderr.contains("warning:"))
    }
}
