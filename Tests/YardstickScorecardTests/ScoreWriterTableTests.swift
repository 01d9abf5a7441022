import Testing
import YardstickData
import YardstickEngine
import YardstickScorecard
import YardstickScoring

/// The leaderboard of `yardstick score`: exact text in English and Chinese, fitting 100
/// columns, ties, to-date windows, peer groups, incomplete and missing totals.
@Suite struct ScoreWriterTableTests {
    static func text(_ report: ScoreReport, locale: String = "en") -> String {
        String(decoding: ScoreTableWriter().write(report, locale: locale), as: UTF8.self)
    }

    static func rankModel(_ dimensions: [String]) -> ScoringModel {
        ScoringModel(
            id: "wide", weightRule: .normalised,
            children: dimensions.map { name in
                .dimension(
                    ScorecardDimension(
                        name, weight: 1,
                        children: [.indicator(ScorecardIndicator(name + "_kpi", weight: 1, function: .rank))]
                    ))
            })
    }

    static let dealsModel = ScoringModel(
        id: "deals",
        children: [.indicator(ScorecardIndicator("deals", weight: 100, missingPolicy: .excludeAndReweight))],
        grades: GradeScale([GradeBand(grade: "A", minimum: 90), GradeBand(grade: "B", minimum: 0)]))

    @Test func theLeaderboardRanksSubjectsWithTheirDimensionScoresThenRollupsAlertsAndErrors() throws {
        let expected = """
            Sales scorecard (maven-sales 1.0) · 2017-Q4 · 2017-10-01..2017-12-31

            Rank  Name       Total  Grade  Forced  results  quality
            ────  ─────────  ─────  ─────  ──────  ───────  ───────
               1  王芳       107.5  A      A         115.0    100.0
               2  张伟       102.5  A      B         105.0    100.0
               3  陈静        88.8  B      B         115.0     62.5
               4  Li, "Leo"   47.5  D      C          50.0     45.0
               —  Zoe         6.3*  —      —          12.5     0.0*
            * incomplete: an indicator marked `incomplete` has no score; the total is what is there, not graded or ranked.

            team rollup · 2017-Q4
            Name      Members   Mean  Median    Min    Max  Won revenue  Win rate  Sales cycle  Big deals
            ────────  ───────  ─────  ──────  ─────  ─────  ───────────  ────────  ───────────  ─────────
            东区销售        2  105.0   105.0  102.5  107.5       125.0%    150.0%       125.0%          —
            West            3   68.1    68.1   47.5   88.8        80.0%    150.0%            —          —
            Completion: the unit's own value against its own target. Mean … Max: members' complete totals.

            Alerts (2)
              王芳 · Won revenue: reached 120.0% — 12,000.00 of 8,000.00 (150.0%)
              Zoe · Won revenue: behind pace (75.0% expected) — 4,000.00 of 8,000.00 (50.0%); needs 200.00 a day for 20 days

            Errors (1)
              cycle_days failed for user u4 in 2017-Q4: indicators/cycle_days.lua:7: attempt to compare number with nil

            """
        #expect(Self.text(try ScoreWriterFixture.report()) == expected)
    }

    @Test func chineseHeadersAndTitlesLineUpByDisplayWidth() throws {
        let expected = """
            销售考核（maven-sales 1.0） · 2017-Q4 · 2017-10-01..2017-12-31

            排名  姓名        总分  等级  强制等级  results  quality
            ────  ─────────  ─────  ────  ────────  ───────  ───────
               1  王芳       107.5  A     A           115.0    100.0
               2  张伟       102.5  A     B           105.0    100.0
               3  陈静        88.8  B     B           115.0     62.5
               4  Li, "Leo"   47.5  D     C            50.0     45.0
               —  Zoe         6.3*  —     —            12.5     0.0*
            * 不完整：标记为 incomplete 的指标没有得分；总分仅为已有部分之和，不评等级、不排名。

            团队汇总 · 2017-Q4
            名称      人数   均值  中位数   最低   最高  赢单金额  赢单率  销售周期  大单数
            ────────  ────  ─────  ──────  ─────  ─────  ────────  ──────  ────────  ──────
            东区销售     2  105.0   105.0  102.5  107.5    125.0%  150.0%    125.0%       —
            West         3   68.1    68.1   47.5   88.8     80.0%  150.0%         —       —
            完成率：本单位自身数值对比自身目标。均值至最高：成员完整总分的分布。

            提醒（2）
              王芳 · 赢单金额：已达 120.0% — 12,000.00 / 8,000.00（150.0%）
              Zoe · 赢单金额：落后进度（应达 75.0%）— 4,000.00 / 8,000.00（50.0%）；剩余 20 天，每天需 200.00

            错误（1）
              cycle_days failed for user u4 in 2017-Q4: indicators/cycle_days.lua:7: attempt to compare number with nil

            """
        #expect(Self.text(try ScoreWriterFixture.report(), locale: "zh-CN") == expected)
    }

    @Test func dimensionColumnsThatDoNotFitIn100ColumnsAreLeftOutFromTheRightAndNamed() throws {
        let names = [
            "customer_feedback", "crm_proficiency", "task_completion", "pipeline_hygiene", "forecast_accuracy",
            "team_collaboration", "training", "activity",
        ]
        let people = (1...3).map { index in
            (
                id: "u\(index)", name: "王芳芳 \(index)", group: "all",
                values: Dictionary(uniqueKeysWithValues: names.map { ($0 + "_kpi", Double(index)) })
            )
        }
        let text = Self.text(try ScoreWriterFixture.report(model: Self.rankModel(names), people: people))
        let lines = text.split(separator: "\n").map(String.init)
        let table = lines.prefix { !$0.hasPrefix("Left out") }
        #expect(table.allSatisfy { DisplayWidth.of($0) <= 100 })
        let header = try #require(lines.first { $0.hasPrefix("Rank") })
        #expect(header.contains("customer_fe…"))
        let shown = names.prefix { header.contains(String($0.prefix(11))) }
        #expect(shown.count > 0 && shown.count < names.count)
        let footnote = try #require(lines.first { $0.hasPrefix("Left out") })
        #expect(
            footnote
                == "Left out to fit 100 columns: " + names.dropFirst(shown.count).joined(separator: ", ")
                + " (every figure: --format csv or json).")
        let wider = try #require(lines.first { $0.hasPrefix("   1") })
        #expect(DisplayWidth.of(wider) > 100 - 14)
    }

    @Test func equalTotalsShareARankAndTheNextRankCountsEveryoneAhead() throws {
        let people = [
            (id: "a", name: "Ann", group: "all", values: ["deals": 8.0]),
            (id: "b", name: "Bo", group: "all", values: ["deals": 8.0]),
            (id: "c", name: "Cy", group: "all", values: ["deals": 10.0]),
            (id: "d", name: "Di", group: "all", values: ["deals": 5.0]),
        ]
        let text = Self.text(
            try ScoreWriterFixture.report(model: Self.dealsModel, people: people, targets: ["deals": 10]))
        let expected = """
            Appraisal (deals) · 2017-Q4 · 2017-10-01..2017-12-31

            Rank  Name  Total  Grade  deals
            ────  ────  ─────  ─────  ─────
               1  Cy    100.0  A      100.0
               2  Ann    80.0  B       80.0
               2  Bo     80.0  B       80.0
               4  Di     50.0  B       50.0
            Equal totals share a rank; the next rank counts everyone ahead (1, 2, 2, 4).

            """
        #expect(text == expected)
    }

    @Test func aRunningPeriodSaysToDateAndOneNotStartedSaysSo() throws {
        let october = Period.month(year: 2017, month: 10)
        let toDate = Period.custom(
            firstDay: october.firstDay, lastDay: CivilDate.dayNumber(year: 2017, month: 10, day: 20))
        let people = [(id: "a", name: "Ann", group: "all", values: ["deals": 8.0])]
        let running = try ScoreWriterFixture.report(
            model: Self.dealsModel, people: people, targets: ["deals": 10], period: october, window: toDate,
            asOf: toDate.lastDay)
        #expect(Self.text(running).hasPrefix("Appraisal (deals) · 2017-10 · to date 2017-10-20\n"))
        #expect(Self.text(running, locale: "zh-CN").hasPrefix("考核（deals） · 2017-10 · 截至 2017-10-20\n"))
        let november = Period.month(year: 2017, month: 11)
        let notStarted = try ScoreWriterFixture.report(
            model: Self.dealsModel, people: [], period: november, asOf: toDate.lastDay)
        #expect(
            Self.text(notStarted)
                == "Appraisal (deals) · 2017-11 · not started (as of 2017-10-20)\n\nNo subjects to score.\n")
    }

    @Test func eachPeerGroupHasItsOwnLeaderboard() throws {
        let people = [
            (id: "a", name: "Ann", group: "role = sales", values: ["deals": 8.0]),
            (id: "b", name: "Bo", group: "role = lead", values: ["deals": 5.0]),
            (id: "c", name: "Cy", group: "role = sales", values: ["deals": 10.0]),
        ]
        let text = Self.text(
            try ScoreWriterFixture.report(model: Self.dealsModel, people: people, targets: ["deals": 10]))
        let expected = """
            Appraisal (deals) · 2017-Q4 · 2017-10-01..2017-12-31

            Peer group: role = sales
            Rank  Name  Total  Grade  deals
            ────  ────  ─────  ─────  ─────
               1  Cy    100.0  A      100.0
               2  Ann    80.0  B       80.0

            Peer group: role = lead
            Rank  Name  Total  Grade  deals
            ────  ────  ─────  ─────  ─────
               1  Bo     50.0  B       50.0

            """
        #expect(text == expected)
    }

    @Test func sharedNamesGetTheirIdsAndLongNamesAreCut() throws {
        let long = String(repeating: "长", count: 20)
        let people = [
            (id: "u1", name: "王芳", group: "all", values: ["deals": 8.0]),
            (id: "u2", name: "王芳", group: "all", values: ["deals": 9.0]),
            (id: "u3", name: long, group: "all", values: ["deals": 10.0]),
        ]
        let text = Self.text(
            try ScoreWriterFixture.report(model: Self.dealsModel, people: people, targets: ["deals": 10]))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("   1  " + String(repeating: "长", count: 13) + "…  100.0") })
        #expect(lines.contains { $0.hasPrefix("   2  王芳 (u2)") })
        #expect(lines.contains { $0.hasPrefix("   3  王芳 (u1)") })
    }

    @Test func aSubjectWithoutAnyScoreHasNoTotalAndComesLast() throws {
        let people = [
            (id: "a", name: "Ann", group: "all", values: [String: Double]()),
            (id: "b", name: "Bo", group: "all", values: ["deals": 9.0]),
        ]
        let text = Self.text(
            try ScoreWriterFixture.report(model: Self.dealsModel, people: people, targets: ["deals": 10]))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(
            Array(lines.dropFirst(3)) == [
                "   1  Bo     90.0  A       90.0", "   —  Ann       —  —          —",
                "— no total: every indicator was left out.",
            ])
    }

    @Test func atMostTwentyAlertLinesAreShown() throws {
        let alerts = (1...23).map { index in
            Alert(
                kind: .periodEnd, subject: SubjectKey(.user, "u\(index)"), subjectName: "P\(index)",
                indicatorID: "deals", periodLabel: "2017-Q4", value: 5, target: 10, completion: 0.5,
                expectedCompletion: 0.9, remainingDays: 0, remaining: 5, neededPerDay: nil)
        }
        let text = Self.text(
            try ScoreWriterFixture.report(model: Self.dealsModel, people: [], alerts: alerts))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("Alerts (23)"))
        #expect(lines.contains("  P1 · deals: period ends soon — 5 of 10 (50.0%); 5 short"))
        #expect(lines.filter { $0.hasPrefix("  P") }.count == 20)
        #expect(lines.last == "  3 more: `yardstick alerts` lists them all.")
    }

    @Test func aReportWithoutPeriodsSaysSo() throws {
        var report = try ScoreWriterFixture.report()
        report.periods = []
        report.failures = []
        #expect(Self.text(report) == "No periods scored.\n")
        #expect(Self.text(report, locale: "zh-CN") == "没有考核期。\n")
    }
}

@Suite struct ScoreReportWritersTests {
    @Test func theFormatsAreTableJSONCSVHTMLAndMarkdownFoundByIdInAnyCase() {
        #expect(ScoreReportWriters.formats == ["table", "json", "csv", "html", "md"])
        #expect(ScoreReportWriters.writer(for: "html")?.fileExtension == "html")
        #expect(ScoreReportWriters.writer(for: "MD")?.fileExtension == "md")
        #expect(ScoreReportWriters.writer(for: "md")?.isText == true)
        #expect(ScoreReportWriters.writer(for: "CSV")?.formatID == "csv")
        #expect(ScoreReportWriters.writer(for: "json")?.fileExtension == "json")
        #expect(ScoreReportWriters.writer(for: "table")?.fileExtension == "txt")
        #expect(ScoreReportWriters.writer(for: "xlsx") == nil)
    }
}
