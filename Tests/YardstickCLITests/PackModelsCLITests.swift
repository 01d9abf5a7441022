import Foundation
import Testing
import YardstickTestSupport

/// A pack's default scorecard models (`scorecards/*.lua`), scored and extended as a user does.
///
/// The scaffold pack's fixture: in July 2026 u2 won 800 (o3), u1 and u3 nothing at or above the
/// 100 minimum (u3's 40 is below it).
@Suite struct PackModelsCLITests {
    static let packModel = """
        return scorecard {
          id = "default",
          title = { en = "Acme default", zh = "Acme 默认考核" },
          per = "user",
          dimension "results" { weight = 100,
            kpi "won_revenue" { weight = 100, target = 1000, score = linear { zero = 0, full = 1.0 } },
          },
          grades = { A = 90, B = 50, C = 0 },
        }

        """

    /// A workspace running the scaffold pack from its `packs/` folder, the pack with a model.
    static func workspace(_ directory: TemporaryDirectory) throws -> String {
        _ = try CLI.run(["plugins", "new", "acme-kpis", "--in", directory.path("ws/packs")])
        try FileManager.default.copyItem(
            atPath: directory.path("ws/packs/acme-kpis/tests/basic/data"), toPath: directory.path("ws/data"))
        let toml = try String(
            contentsOfFile: directory.path("ws/packs/acme-kpis/tests/basic/yardstick.toml"), encoding: .utf8)
        _ = try directory.write(toml + "\n[packs.acme-kpis]\nversion = \"^0.1\"\n", to: "ws/yardstick.toml")
        _ = try directory.write(Self.packModel, to: "ws/packs/acme-kpis/scorecards/default.lua")
        return directory.path("ws")
    }

    static func score(_ workspace: String, _ extra: [String] = []) throws -> CommandOutcome {
        try CLI.run(
            ["score", "--workspace", workspace, "--period", "2026-07", "--as-of", "2026-08-01", "--format", "json"]
                + extra)
    }

    /// u2's total in a score run's JSON.
    static func total(of subject: String, in json: String) throws -> Double? {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let periods = object?["periods"] as? [[String: Any]]
        let subjects = periods?.first?["subjects"] as? [[String: Any]]
        let found = subjects?.first { ($0["id"] as? String) == subject }
        return found?["total"] as? Double
    }

    @Test func aWorkspaceWithNoModelOfItsOwnScoresItsPacksModel() throws {
        let directory = try TemporaryDirectory()
        let workspace = try Self.workspace(directory)
        let scored = try Self.score(workspace)
        #expect(scored.status == 0, "\(scored.stderr)")
        #expect(scored.stdout.contains("\"acme-kpis.default\""), "\(scored.stdout)")
        // 800 of a 1000 target, linear from 0: 80.
        #expect(try Self.total(of: "u2", in: scored.stdout) == 80)
        let named = try Self.score(workspace, ["--model", "acme-kpis.default"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(try Self.total(of: "u2", in: named.stdout) == 80)
    }

    @Test func aWorkspaceModelExtendsThePacksModelAndWinsAsTheDefault() throws {
        let directory = try TemporaryDirectory()
        let workspace = try Self.workspace(directory)
        _ = try directory.write(
            """
            return scorecard {
              id = "ours", extends = "acme-kpis.default",
              dimension "results" { kpi "acme-kpis.won_revenue" { target = 800 } },
            }

            """, to: "ws/model.lua")
        let scored = try Self.score(workspace)
        #expect(scored.status == 0, "\(scored.stderr)")
        // The workspace's own model is the default; its target of 800 makes u2's 800 a full 100.
        #expect(scored.stdout.contains("\"ours\""), "\(scored.stdout)")
        #expect(try Self.total(of: "u2", in: scored.stdout) == 100)
        // The pack's model is still there by name, unchanged.
        let base = try Self.score(workspace, ["--model", "acme-kpis.default"])
        #expect(try Self.total(of: "u2", in: base.stdout) == 80)
    }

    @Test func aPackModelsErrorNamesThePacksFileAndLine() throws {
        let directory = try TemporaryDirectory()
        let workspace = try Self.workspace(directory)
        _ = try directory.write(
            Self.packModel.replacingOccurrences(of: "weight = 100, target", with: "weight = 90, target"),
            to: "ws/packs/acme-kpis/scorecards/default.lua")
        let scored = try Self.score(workspace)
        #expect(scored.status != 0)
        #expect(scored.stderr.contains("acme-kpis/scorecards/default.lua:"), "\(scored.stderr)")
        #expect(scored.stderr.contains("sum to 90"), "\(scored.stderr)")
    }

    @Test func pluginsCheckLoadsThePacksModelsAndRefusesAKpiWithNoIndicator() throws {
        let directory = try TemporaryDirectory()
        _ = try Self.workspace(directory)
        let pack = directory.path("ws/packs/acme-kpis")
        let checked = try CLI.run(["plugins", "check", pack])
        #expect(checked.status == 0, "\(checked.stdout)")
        #expect(checked.stdout == "✓ acme-kpis 0.1.0: 1 indicators, 1 parameters, 1 model\n")
        _ = try directory.write(
            Self.packModel.replacingOccurrences(of: "kpi \"won_revenue\"", with: "kpi \"won_revenu\""),
            to: "ws/packs/acme-kpis/scorecards/default.lua")
        let refused = try CLI.run(["plugins", "check", pack])
        #expect(refused.status == 1)
        #expect(
            refused.stdout.contains("acme-kpis/scorecards/default.lua:6: kpi \"acme-kpis.won_revenu\" is no indicator"),
            "\(refused.stdout)")
    }
}
