import Testing
import YardstickData
import YardstickEngine
import YardstickScorecard
import YardstickScoring

/// The explanation of a hand-built report (``EvolutionFixture``, model results 60 / quality 40).
///
/// Ann (u1) by hand: revenue 900 against 1000 is 90 %, linear 0 at 50 % → 100 × 0.4 / 0.5 = 80;
/// win rate 30 % against 30 % passes → 100; cycle 60 days against 60 (lower is better) → 100.
/// results = 80 × 70 % + 100 × 30 % = 86; quality = 100; total = 86 × 60 % + 100 × 40 % = 91.6,
/// grade A (≥ 90), rank 2 behind Cy's 100.
@Suite struct EvolutionExplanationTests {
    let definition = EvolutionFixture.definition(id: "sales-v1", version: "1", results: 60, quality: 40)

    func explanation(_ subjectID: String) throws -> ScoreExplanation {
        try ScoreExplanation(report: EvolutionFixture.report(definition), subjectID: subjectID, periodLabel: "2017-10")
    }

    @Test func theWholePathOfATotalIsExplainedLineByLine() throws {
        let expected = """
            Model:   Sales scorecard (sales-v1, version 1) — scorecards/sales-v1.lua
            Subject: Ann (user u1, team T1, role sales)
            Period:  2017-10 (2017-10-01 … 2017-10-31)
            Total:   91.60 (complete)
            Grade:   A (total ≥ 90)
            Rank:    2 of 3 ranked in peer group all (3 subjects)

            Path            Value    Target  Completion   Score  Weight  Of total  Contribution
            ─────────────  ──────  ────────  ──────────  ──────  ──────  ────────  ────────────
            results                                       86.00      60    60.0 %         51.60
              won_revenue  900.00  1,000.00      90.0 %   80.00      70    42.0 %         33.60
              win_rate      30.0%     30.0%     100.0 %  100.00      30    18.0 %         18.00
            quality                                      100.00      40    40.0 %         40.00
              cycle_days     60.0      60.0     100.0 %  100.00     100    40.0 %         40.00
            Total                                                                         91.60

            results — subtotal 86.00
              Subtotal:     won_revenue 80.00 × 70.0 % + win_rate 100.00 × 30.0 % = 86.00
              Weight:       60 declared → 60.0 % of the model → 60.0 % of the total
              Contribution: 86.00 × 60.0 % = 51.60

            results › won_revenue — Won revenue
              Value:        900.00
              Target:       1,000.00, tier target (target 1,000.00, stretch 1,200.00) — quota revenue: the 2017-10 quota; rows q7
              Completion:   90.0 % (value/target, higher is better)
              Function:     linear: 0 at 50 % of target, 100 at 100 %; cap 120
              Score:        80.00
              Weight:       70 declared → 70.0 % of results → 42.0 % of the total
              Contribution: 80.00 × 42.0 % = 33.60
              Records:      yardstick explain won_revenue --subject u1 --period 2017-10

            results › win_rate — Win rate
              Value:        30.0%
              Target:       30.0% — constant 0.3
              Completion:   100.0 % (value/target, higher is better)
              Function:     threshold: 100 from 100 % of target, else 40; cap 100
              Score:        100.00
              Weight:       30 declared → 30.0 % of results → 18.0 % of the total
              Contribution: 100.00 × 18.0 % = 18.00
              Records:      yardstick explain win_rate --subject u1 --period 2017-10

            quality — subtotal 100.00
              Subtotal:     cycle_days 100.00 × 100.0 % = 100.00
              Weight:       40 declared → 40.0 % of the model → 40.0 % of the total
              Contribution: 100.00 × 40.0 % = 40.00

            quality › cycle_days — Sales cycle
              Value:        60.0
              Target:       60.0 — constant 60
              Completion:   100.0 % (target/value, lower is better)
              Function:     linear: 0 at 0 % of target, 100 at 100 %; cap 100
              Score:        100.00
              Weight:       100 declared → 100.0 % of quality → 40.0 % of the total
              Contribution: 100.00 × 40.0 % = 40.00
              Records:      yardstick explain cycle_days --subject u1 --period 2017-10
            """
        #expect(try explanation("u1").text(locale: "en") == expected)
    }

    @Test func aLeftOutIndicatorSaysWhyAndWhichPolicyApplied() throws {
        let lines = try explanation("u3").text(locale: "en").split(separator: "\n").map(String.init)
        // Cy has no revenue: it is left out and win rate carries all of results (60 % of the total).
        #expect(lines.contains("  won_revenue      —  1,000.00           —       —      70     0.0 %             —"))
        #expect(lines.contains("  win_rate     30.0%     30.0%     100.0 %  100.00      30    60.0 %         60.00"))
        #expect(lines.contains("  Value:        — (no deals closed)"))
        #expect(lines.contains("  Score:        — (the value is missing)"))
        #expect(lines.contains("  Missing:      left out, its weight shared among the rest (policy reweight)"))
        #expect(lines.contains("  Weight:       70 declared → 0.0 % of results → 0.0 % of the total"))
        #expect(lines.contains("  Subtotal:     win_rate 100.00 × 100.0 % = 100.00"))
        #expect(lines.contains("Rank:    1 of 3 ranked in peer group all (3 subjects)"))
    }

    @Test func chineseLabelsLineUpByDisplayWidth() throws {
        let lines = try explanation("u1").text(locale: "zh-CN").split(separator: "\n").map(String.init)
        #expect(lines.contains("模型： 销售考核 (sales-v1, 版本 1) — scorecards/sales-v1.lua"))
        #expect(lines.contains("排名： 第 2 名，共 3 人参与排名，同组 all（3 人）"))
        #expect(lines.contains("路径               值      目标   完成率    得分  权重  占总分   贡献"))
        #expect(lines.contains("  won_revenue  900.00  1,000.00   90.0 %   80.00    70  42.0 %  33.60"))
        #expect(lines.contains("  值：       900.00"))
        #expect(lines.contains("  评分函数： linear: 0 at 50 % of target, 100 at 100 %; 上限 120"))
        #expect(lines.contains("  权重：     声明 70 → 占 results 70.0 % → 占总分 42.0 %"))
    }

    @Test func printedCommandsQuoteWhatTheShellWouldSplit() {
        #expect(ScoreText.shellWord("u1") == "u1")
        #expect(ScoreText.shellWord("sales-core.win_rate") == "sales-core.win_rate")
        #expect(ScoreText.shellWord("Darcel Schlecht") == "'Darcel Schlecht'")
        #expect(ScoreText.shellWord("O'Neil") == "'O'\\''Neil'")
    }

    @Test func theIndicatorsWhoseRecordsFollowAreInModelOrder() throws {
        #expect(try explanation("u1").indicatorIDs == ["won_revenue", "win_rate", "cycle_days"])
    }

    @Test func anUnknownSubjectOrPeriodNamesWhatExists() throws {
        let report = try EvolutionFixture.report(definition)
        #expect {
            try ScoreExplanation(report: report, subjectID: "u9")
        } throws: { error in
            (error as? ScorecardError)?.description
                == "scorecards/sales-v1.lua: model sales-v1 scores no user \"u9\" in 2017-10 (e.g. u1, u2, u3)"
        }
        #expect {
            try ScoreExplanation(report: report, subjectID: "u1", periodLabel: "2017-11")
        } throws: { error in
            (error as? ScorecardError)?.description
                == "scorecards/sales-v1.lua: the report has no period 2017-11 (it has 2017-10)"
        }
    }

    @Test func aToDateWindowIsStatedWithItsAsOfDay() throws {
        var report = try EvolutionFixture.report(definition)
        let period = EvolutionFixture.period
        report.periods[0].window = try Period.parse("2017-10-01..2017-10-15", calendar: CalendarSettings())
        report.asOf = period.firstDay + 14
        let lines = try ScoreExplanation(report: report, subjectID: "u1").text().split(separator: "\n").map(String.init)
        #expect(
            lines.contains(
                "Window:  2017-10-01 … 2017-10-15, to date as of 2017-10-15; targets are the whole period's"))
    }
}

/// A team's own figures and its members' score distribution (u1 Ann 91.6 and u2 王芳 87.6 in
/// team T1; results subtotals 86 and 96; revenue scores 80 and 120).
@Suite struct EvolutionRollupExplanationTests {
    func report() throws -> ScoreReport {
        var report = try EvolutionFixture.report(
            EvolutionFixture.definition(id: "sales-v1", version: "1", results: 60, quality: 40))
        let team = SubjectInfo(grain: .team, id: "T1", name: "North", subject: .users([0, 1]))
        let revenueTarget = ResolvedTarget(
            value: 2000, tier: .target, rule: "quota revenue: the team's own 2017-10 quota", quotaRows: ["q20"])
        report.definition.rollups = [.team]
        report.periods[0].rollups = [
            RollupSubject(
                subject: team,
                figures: [
                    RollupFigure(
                        indicatorID: "won_revenue", value: 2100, target: revenueTarget,
                        completion: Completion(value: 2100, target: 2000, direction: .higherIsBetter)),
                    RollupFigure(
                        indicatorID: "win_rate", value: nil, missingValueReason: "no deals closed",
                        target: ResolvedTarget(value: 0.3, rule: "constant 0.3"), completion: nil),
                ],
                memberIDs: ["u1", "u2"], totalStatistics: PeerStatistics(values: [91.6, 87.6]),
                nodeStatistics: [
                    (["results"], PeerStatistics(values: [86, 96])),
                    (["results", "won_revenue"], PeerStatistics(values: [80, 120])),
                ])
        ]
        return report
    }

    @Test func aTeamShowsItsOwnFiguresAndItsMembersSpread() throws {
        let explanation = try RollupExplanation(report: report(), subjectID: "T1", grain: .team)
        let lines = explanation.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            Array(lines.prefix(5)) == [
                "Model:   Sales scorecard (sales-v1, version 1) — scorecards/sales-v1.lua",
                "Subject: North (team T1)",
                "Period:  2017-10 (2017-10-01 … 2017-10-31)",
                "Members: 2 scored: Ann (u1), 王芳 (u2)",
                "Totals:  mean 89.60, median 89.60, min 87.60, max 91.60, spread 2.00 (2 complete totals)",
            ])
        #expect(lines.contains("  won_revenue  2,100.00  2,000.00     105.0 %"))
        #expect(lines.contains("  win_rate            —     30.0%           —"))
        #expect(
            Array(lines.drop { !$0.hasPrefix("  win_rate ") }.dropFirst().prefix(3)) == [
                "  won_revenue: target — quota revenue: the team's own 2017-10 quota; rows q20",
                "  win_rate: no value — no deals closed",
                "  win_rate: target — constant 0.3",
            ])
        #expect(lines.contains("  results            2   91.00   91.00  86.00   96.00    5.00"))
        #expect(lines.contains("    won_revenue      2  100.00  100.00  80.00  120.00   20.00"))
    }

    @Test func anUnknownUnitNamesTheUnitsThereAre() throws {
        #expect {
            try RollupExplanation(report: report(), subjectID: "T9", grain: .team)
        } throws: { error in
            (error as? ScorecardError)?.description
                == "scorecards/sales-v1.lua: model sales-v1 has no team \"T9\" in 2017-10 (e.g. T1)"
        }
    }
}

@Suite struct EvolutionIncompleteExplanationTests {
    /// Win rate marks the total incomplete when missing; the model forces 1 A / 1 B / 1 C.
    @Test func anIncompleteTotalNamesWhatItLacksAndHasNoRank() throws {
        var definition = EvolutionFixture.definition(id: "sales-v1", version: "1", results: 60, quality: 40)
        guard case .dimension(var results) = definition.model.children[0] else { return }
        results.children[1] = .indicator(
            ScorecardIndicator(
                "win_rate", weight: 30, function: .threshold(at: 1, pass: 100, fail: 40), missingPolicy: .markIncomplete
            ))
        definition.model.children[0] = .dimension(results)
        definition.model.forcedDistribution = ForcedDistribution([
            GradeShare(grade: "A", percent: 34), GradeShare(grade: "B", percent: 33),
            GradeShare(grade: "C", percent: 33),
        ])
        var report = try EvolutionFixture.report(definition)
        // Re-score with u2's win rate missing.
        let figures = try #require(report.periods.first?.subjects).map { scored in
            SubjectFigures(
                subjectID: scored.subject.id,
                inputs: Dictionary(
                    uniqueKeysWithValues: scored.scorecard.indicators.map { indicator in
                        let value =
                            scored.subject.id == "u2" && indicator.indicatorID == "win_rate" ? nil : indicator.value
                        return (indicator.indicatorID, ScoringInput(value: value, target: indicator.target))
                    }))
        }
        let group = try definition.model.score(figures)
        for index in report.periods[0].subjects.indices {
            report.periods[0].subjects[index].scorecard = group.subjects[index]
        }
        let bo = try ScoreExplanation(report: report, subjectID: "u2").text().split(separator: "\n").map(String.init)
        // 王芳 without win rate: results = 120 × 70 % = 84 (no re-weighting); total 84 × 60 % + 75 × 40 % = 80.4.
        #expect(bo.contains("Total:        80.40 (incomplete) — lacking results › win_rate"))
        #expect(bo.contains("Grade:        none (the total is not complete)"))
        #expect(bo.contains("Rank:         none (only complete totals are ranked) in peer group all"))
        #expect(bo.contains("Forced grade: — (A 34 %, B 33 %, C 33 %)"))
        #expect(
            bo.contains("  Missing:      not counted; the total is incomplete: no grade, no rank (policy incomplete)"))
        let ann = try ScoreExplanation(report: report, subjectID: "u1").text().split(separator: "\n").map(String.init)
        // Two ranked (Cy 100, Ann 91.6): A ends at round(2 × 34 %) = 1, B at round(2 × 67 %) = 1, C at 2.
        #expect(ann.contains("Rank:         2 of 2 ranked in peer group all (3 subjects)"))
        #expect(ann.contains("Forced grade: C (A 34 %, B 33 %, C 33 %)"))
    }
}
