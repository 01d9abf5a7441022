import Foundation
import Testing
import YardstickTestSupport

/// The model file's and the workspace's mistakes under `--locale zh-CN`: the message is Chinese,
/// the `file:line`, the node (`kpi "win_rate"`), keys and values stay as written.
@Suite struct ModelFileMessagesCLITests {
    /// `score` over the small workspace with `model.lua` (and `yardstick.toml` when given).
    static func score(model: String, toml: String? = nil, locale: String = "zh-CN") throws -> CommandOutcome {
        let folder = try SmallWorkspace.create()
        defer { withExtendedLifetime(folder) {} }
        try folder.write(model, to: "model.lua")
        if let toml { try folder.write(toml, to: "yardstick.toml") }
        return try CLI.run(["score", "--workspace", folder.path, "--period", "2026-10", "--locale", locale])
    }

    static let badModel = """
        return scorecard { id = "m",
          kpi "won_revenue" { weight = "fifty", target = 1 },
          kpi "win_rate" { weight = 50, score = "ranked" },
        }

        """

    static let functions =
        "proportional, pass_fail, rank, percentile, relative_to_mean, relative_to_best, linear, steps, threshold"

    @Test func aBadWeightAndAnUnknownScoringFunctionAreChineseAtTheirLines() throws {
        let outcome = try Self.score(model: Self.badModel)
        #expect(outcome.status == 2)
        #expect(
            outcome.stderr == """
                错误：model.lua:2: kpi "won_revenue"：weight 必须是数字，而不是 "fifty"
                model.lua:3: kpi "win_rate"：未知的评分函数 "ranked"（可用函数：\(Self.functions)）

                """)
    }

    @Test func theSameMistakesStayEnglishUnderTheEnglishLocale() throws {
        let outcome = try Self.score(model: Self.badModel, locale: "en")
        #expect(outcome.status == 2)
        #expect(
            outcome.stderr == """
                error: model.lua:2: kpi "won_revenue": weight must be a number, not "fifty"
                model.lua:3: kpi "win_rate": unknown scoring function "ranked" (functions: \(Self.functions))

                """)
    }

    @Test func weightsThatDoNotSumTo100NameTheModelInChinese() throws {
        let model = """
            return scorecard { id = "m",
              kpi "won_revenue" { weight = 60, target = 1 },
              kpi "win_rate" { weight = 30, score = rank },
            }

            """
        let outcome = try Self.score(model: model)
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "错误：model.lua:1: 模型的子项权重之和为 90，而不是 100（won_revenue 60, win_rate 30）\n")
    }

    @Test func aMissingWeightAndAMisspelledKeyAreChinese() throws {
        let model = """
            return scorecard { id = "m",
              kpi "won_revenue" { wieght = 50, target = 1 },
              kpi "win_rate" { score = rank },
            }

            """
        let outcome = try Self.score(model: model)
        #expect(outcome.status == 2)
        let keys = "weight, target, score, cap, missing, better, pipeline, overrides, rollup_target, drop"
        #expect(
            outcome.stderr == """
                错误：model.lua:2: kpi "won_revenue"：未知的键 "wieght"（可用的键：\(keys)）
                model.lua:3: kpi "win_rate" 没有权重（weight = …）

                """)
    }

    @Test func aWorkspaceValueOfTheWrongTypeIsChinese() throws {
        let folder = try SmallWorkspace.create()
        defer { withExtendedLifetime(folder) {} }
        try folder.write("[workspace]\nname = 5\n", to: "yardstick.toml")
        let outcome = try CLI.run(["check", "--workspace", folder.path, "--locale", "zh-CN"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "错误：yardstick.toml: workspace.name: 应为 字符串，实际为 整数\n")
    }
}
