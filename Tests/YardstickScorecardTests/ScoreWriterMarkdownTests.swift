import Testing
import YardstickData
import YardstickEngine
import YardstickScorecard
import YardstickScoring

/// The Markdown score report: the leaderboard, a table per dimension, rollups, alerts and
/// errors, with missing figures footnoted, names escaped and labels in English or Chinese.
@Suite struct ScoreWriterMarkdownTests {
    static func text(_ report: ScoreReport, locale: String = "en") -> String {
        String(decoding: ScoreMarkdownWriter().write(report, locale: locale), as: UTF8.self)
    }

    @Test func theLeaderboardRanksSubjectsWithTheirDimensionScores() throws {
        let expected = """
            # Sales scorecard (maven-sales 1.0) · 2017-Q4 · 2017-10-01..2017-12-31

            Workspace: maven

            ## Leaderboard

            | Rank | Name | Total | Grade | Forced | results | quality |
            | --: | --- | --: | --- | --- | --: | --: |
            | 1 | 王芳 | 107.5 | A | A | 115.0 | 100.0 |
            | 2 | 张伟 | 102.5 | A | B | 105.0 | 100.0 |
            | 3 | 陈静 | 88.8 | B | B | 115.0 | 62.5 |
            | 4 | Li, "Leo" | 47.5 | D | C | 50.0 | 45.0 |
            | — | Zoe | 6.3\\* | — | — | 12.5 | 0.0\\* |

            \\* incomplete: an indicator marked \\`incomplete\\` has no score; the total is what is there, not graded or ranked.
            """
        #expect(Self.text(try ScoreWriterFixture.report()).hasPrefix(expected + "\n\n## results\n"))
    }

    @Test func eachDimensionTableGivesValuesInTheirUnitWithCompletionAndScore() throws {
        let text = Self.text(try ScoreWriterFixture.report())
        let section = try #require(text.range(of: "## results\n\n"))
        let lines = text[section.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).prefix(4)
        #expect(
            Array(lines) == [
                "| Rank | Name | Won revenue | Won revenue · score | Win rate | Win rate · score | Subtotal |",
                "| --: | --- | --: | --: | --: | --: | --: |",
                // won_revenue is money (12000 against 8000: 150.0 %), win_rate percent (0.25 against 0.25).
                "| 1 | 王芳 | 12,000.00 · 150.0% | 120.0 | 25.0% · 100.0% | 100.0 | 115.0 |",
                "| 2 | 张伟 | 8,000.00 · 100.0% | 100.0 | 50.0% · 200.0% | 120.0 | 105.0 |",
            ])
    }

    @Test func missingAndFailedFiguresAreDashesWithTheirReasonInAFootnote() throws {
        let text = Self.text(try ScoreWriterFixture.report())
        // Li's win rate has no value; Zoe's cycle days failed.
        let li = try #require(text.split(separator: "\n").first { $0.hasPrefix("| 4 | Li, \"Leo\" | 6,000.00") })
        #expect(li.contains("| —[^1] | — |"))
        let zoe = try #require(
            text.split(separator: "\n").first { $0.hasPrefix("| — | Zoe |") && $0.contains("[^") })
        let footnote = try #require(zoe.firstRange(of: "[^2]"))
        #expect(!footnote.isEmpty)
        #expect(text.contains("\n[^2]: indicators/cycle\\_days.lua:7: attempt to compare number with nil"))
    }

    @Test func rollupsAlertsAndErrorsFollowTheDimensions() throws {
        let text = Self.text(try ScoreWriterFixture.report())
        #expect(
            text.contains(
                """
                ## team rollup · 2017-Q4

                | Name | Members | Mean | Median | Min | Max | Won revenue | Win rate | Sales cycle | Big deals |
                | --- | --: | --: | --: | --: | --: | --: | --: | --: | --: |
                | 东区销售 | 2 | 105.0 | 105.0 | 102.5 | 107.5 | 125.0% | 150.0% | 125.0% | — |
                | West | 3 | 68.1 | 68.1 | 47.5 | 88.8 | 80.0% | 150.0% | — | — |
                """))
        #expect(
            text.contains(
                """
                ## Alerts (2)

                - 王芳 · Won revenue: reached 120.0% — 12,000.00 of 8,000.00 (150.0%)
                - Zoe · Won revenue: behind pace (75.0% expected) — 4,000.00 of 8,000.00 (50.0%); needs 200.00 a day for 20 days
                """))
        #expect(text.contains("## Errors (1)\n\n- cycle\\_days failed for user u4 in 2017-Q4"))
    }

    @Test func chineseLocaleUsesChineseLabels() throws {
        let text = Self.text(try ScoreWriterFixture.report(), locale: "zh-CN")
        #expect(text.contains("工作区：maven"))
        #expect(text.contains("## 排行榜\n\n| 排名 | 姓名 | 总分 | 等级 | 强制等级 | results | quality |"))
        #expect(text.contains("## 团队汇总 · 2017-Q4"))
        #expect(text.contains("## 提醒（2）"))
        #expect(text.contains("| 1 | 王芳 | 107.5 | A | A | 115.0 | 100.0 |"))
    }
}
