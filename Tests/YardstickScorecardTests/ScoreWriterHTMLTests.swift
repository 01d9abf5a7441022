import Testing
import YardstickData
import YardstickEngine
import YardstickScorecard
import YardstickScoring

/// The HTML score report, read as text (its rendering in a browser is checked by
/// scripts/html-check.sh): leaderboard, cards, explanations, charts, trends, rollups, alerts,
/// escaping, language, and that nothing in it points outside the page.
@Suite struct ScoreWriterHTMLTests {
    static func page(_ report: ScoreReport, locale: String = "en", trends: ScoreTrends = ScoreTrends()) -> String {
        String(decoding: ScoreHTMLWriter(trends: trends).write(report, locale: locale), as: UTF8.self)
    }

    /// The text between the first `start` and the next `end` after it.
    static func slice(_ source: some StringProtocol, from start: String, to end: String) -> String {
        let text = String(source)
        guard let lower = text.range(of: start) else { return "" }
        guard let upper = text[lower.upperBound...].range(of: end) else { return String(text[lower.lowerBound...]) }
        return String(text[lower.lowerBound..<upper.upperBound])
    }

    /// Every value of `attribute` on the elements of `text` that open with `prefix`.
    static func attributes(_ attribute: String, after prefix: String, in text: some StringProtocol) -> [String] {
        var values: [String] = []
        var rest = String(text)[...]
        while let found = rest.range(of: prefix) {
            rest = rest[found.upperBound...]
            let tag = rest.prefix { $0 != ">" }
            if let value = tag.range(of: attribute + "=\"") {
                values.append(String(tag[value.upperBound...].prefix { $0 != "\"" }))
            }
        }
        return values
    }

    static func count(_ needle: String, in text: some StringProtocol) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func theLeaderboardListsRankedSubjectsByRankThenTheIncompleteWithTotalsAndGrades() throws {
        let page = Self.page(try ScoreWriterFixture.report())
        let board = Self.slice(page, from: "<table class=\"leaderboard\">", to: "</table>")
        #expect(Self.attributes("data-subject", after: "<tr", in: board) == ["u1", "u3", "u5", "u2", "u4"])
        let totals = board.components(separatedBy: "<td class=\"num total\"").dropFirst().map {
            String($0.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" })
        }
        // 107.5, 102.5, 88.75 → 88.8 (halves away from zero), 47.5, 6.25 → 6.3 (incomplete).
        #expect(totals == ["107.5", "102.5", "88.8", "47.5", "6.3"])
        #expect(board.contains("6.3<span title=\"incomplete\">*</span>"))
        let grades = board.components(separatedBy: "<td class=\"grade\">").dropFirst().map {
            String($0.prefix { $0 != "<" })
        }
        #expect(grades == ["A", "A", "B", "D", "—"])
        let forced = board.components(separatedBy: "<td class=\"forced\">").dropFirst().map {
            String($0.prefix { $0 != "<" })
        }
        #expect(forced == ["A", "B", "B", "C", "—"])
        #expect(board.contains("<th class=\"num dimension\">results</th><th class=\"num dimension\">quality</th>"))
        // 王芳's results subtotal 115 of the cap 120: a bar of 46 px out of 48.
        #expect(board.contains("<span class=\"bar\" style=\"width:46px\"></span> 115.0"))
        #expect(page.contains("<p class=\"note\">* Incomplete: an indicator under the `incomplete` policy"))
    }

    @Test func tiesAreListedByNameAsInTheTerminalLeaderboard() throws {
        // Bo comes before Ann in the report; both total 80 and share rank 2.
        let people = [
            (id: "b", name: "Bo", group: "all", values: ["deals": 8.0]),
            (id: "c", name: "Cy", group: "all", values: ["deals": 10.0]),
            (id: "a", name: "Ann", group: "all", values: ["deals": 8.0]),
            (id: "d", name: "Di", group: "all", values: ["deals": 5.0]),
        ]
        let report = try ScoreWriterFixture.report(
            model: ScoreWriterTableTests.dealsModel, people: people, targets: ["deals": 10])
        let board = Self.slice(Self.page(report), from: "<table class=\"leaderboard\">", to: "</table>")
        #expect(Self.attributes("data-subject", after: "<tr", in: board) == ["c", "a", "b", "d"])
        // The cards follow the same order (their anchors end with the subject's id).
        let cards = Self.attributes("id", after: "<article class=\"card\"", in: Self.page(report))
        #expect(cards.count == 4)
        #expect(cards.map { String($0.suffix(1)) } == ["c", "a", "b", "d"])
    }

    @Test func theHeaderNamesTheWorkspaceModelVersionPeriodAndWindow() throws {
        let page = Self.page(try ScoreWriterFixture.report())
        #expect(page.contains("<h1>Sales scorecard</h1>"))
        #expect(page.contains("Workspace: <b class=\"workspace\">maven</b>"))
        #expect(page.contains("Model: <b class=\"model\">maven-sales</b> version <b class=\"model-version\">1.0</b>"))
        #expect(page.contains("<h2>Period 2017-Q4</h2>"))
        #expect(page.contains("Values cover 2017-10-01..2017-12-31"))
        #expect(page.contains("As of 2018-01-05"))
    }

    @Test func everySubjectHasOneCardWithAChartAndAnExplanationPerIndicator() throws {
        let page = Self.page(try ScoreWriterFixture.report())
        #expect(Self.count("<article class=\"card\"", in: page) == 5)
        #expect(Self.count("<details class=\"why\">", in: page) == 5 * 4)
        #expect(Self.count("<svg class=\"chart bars\"", in: page) == 5)
        // Cards follow the leaderboard's order and its links lead to them.
        let cards = Self.slice(page, from: "<div class=\"cards\">", to: "</section>")
        #expect(Self.attributes("data-subject", after: "<article", in: cards) == ["u1", "u3", "u5", "u2", "u4"])
        #expect(page.contains("<a href=\"#card-2017-Q4-user-u1\">王芳</a>"))
        #expect(page.contains("<article class=\"card\" id=\"card-2017-Q4-user-u1\""))
        #expect(page.contains("<span class=\"rank\">rank 1 of 5</span>"))
    }

    @Test func anIndicatorRowShowsValueTargetTierCompletionScoreWeightAndContributionByUnit() throws {
        let page = Self.page(try ScoreWriterFixture.report())
        let card = Self.slice(page, from: "id=\"card-2017-Q4-user-u1\"", to: "</article>")
        let row = Self.slice(card, from: "data-indicator=\"won_revenue\"", to: "</tr>")
        // 12000 won of an 8000 quota (tier target): 150 %, scored 120 (the cap), weight 75,
        // contribution 120 × 0.5 × 0.75 = 45.
        #expect(row.contains("<td class=\"num value\">12,000.00</td>"))
        #expect(row.contains("<td class=\"num target\">8,000.00 <span class=\"note\">target</span></td>"))
        #expect(row.contains("<td class=\"num completion\">150.0%</td>"))
        #expect(row.contains("<td class=\"num score\">120.0</td><td class=\"num\">75</td><td class=\"num\">45.00</td>"))
        let dimension = Self.slice(card, from: "<tr class=\"dimension\" data-path=\"results\">", to: "</tr>")
        #expect(dimension.contains("<td class=\"num\">115.0</td><td class=\"num\">50</td><td class=\"num\">57.50</td>"))
        let winRate = Self.slice(card, from: "data-indicator=\"win_rate\"", to: "</tr>")
        #expect(winRate.contains("<td class=\"num value\">25.0%</td>"))
    }

    @Test func theExplanationNamesFunctionParametersTargetRuleQuotaRowsAndWhyAScoreIsMissing() throws {
        let page = Self.page(try ScoreWriterFixture.report())
        let first = Self.slice(page, from: "id=\"card-2017-Q4-user-u1\"", to: "</article>")
        let won = Self.slice(first, from: "data-indicator=\"won_revenue\"", to: "</details>")
        #expect(won.contains("<dt>Scoring function</dt><dd>linear</dd>"))
        #expect(won.contains("<dt>Target rule</dt><dd>\(ScoreWriterFixture.quotaRule)</dd>"))
        #expect(won.contains("<dt>Tier</dt><dd>target (stretch 10,000.00, target 8,000.00)</dd>"))
        #expect(won.contains("<dt>Quota rows</dt><dd>q-2017-10, q-2017-11, q-2017-12</dd>"))
        // 环比 10000 → 12000 is +20 %, 同比 9000 → 12000 is +33.3 %.
        #expect(won.contains("<dd>10,000.00 (+20.0%)</dd>"))
        #expect(won.contains("<dd>9,000.00 (+33.3%)</dd>"))
        #expect(won.contains("<dt>Open pipeline</dt><dd>3,500.00</dd>"))
        #expect(won.contains("<dt>Defined in</dt><dd>indicators/won_revenue.lua</dd>"))
        let leo = Self.slice(page, from: "id=\"card-2017-Q4-user-u2\"", to: "</article>")
        let missing = Self.slice(leo, from: "data-indicator=\"win_rate\"", to: "</tr>")
        #expect(missing.contains("<dt>Status</dt><dd>missing</dd><dt>Why missing</dt><dd>no deals closed</dd>"))
        #expect(missing.contains("<dt>Policy applied</dt><dd>reweight</dd>"))
        #expect(missing.contains("<td class=\"num value\" title=\"no deals closed\">—</td>"))
        let zoe = Self.slice(page, from: "id=\"card-2017-Q4-user-u4\"", to: "</article>")
        let failed = Self.slice(zoe, from: "data-indicator=\"cycle_days\"", to: "</tr>")
        #expect(zoe.contains("<tr class=\"indicator status-failed\" data-indicator=\"cycle_days\">"))
        #expect(failed.contains("<dd>indicators/cycle_days.lua:7: attempt to compare number with nil</dd>"))
    }

    @Test func dataIsEscapedEverywhereItAppears() throws {
        let model = ScoringModel(
            id: "deals", children: [.indicator(ScorecardIndicator("deals", weight: 100, function: .rank))])
        let report = try ScoreWriterFixture.report(
            model: model,
            people: [
                ("u1", "<img src=x onerror=alert(1)>", "all", ["deals": 3]),
                ("u2", "A & B 'quoted' \"twice\"", "all", ["deals": 1]),
            ])
        let page = Self.page(report)
        #expect(!page.contains("<img"))
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(page.contains("A &amp; B &#39;quoted&#39; &quot;twice&quot;"))
        #expect(Self.page(try ScoreWriterFixture.report()).contains("Li, &quot;Leo&quot;"))
    }

    @Test func thePageReferencesNothingOutsideItself() throws {
        let page = Self.page(
            try ScoreWriterFixture.report(),
            trends: ScoreTrends([SubjectKey(.user, "u1"): [ScoreTrendPoint(periodLabel: "2017-Q3", total: 90)]]))
        #expect(!page.contains("http:") && !page.contains("https:") && !page.contains("//"))
        #expect(!page.contains(" src=") && !page.contains("url(") && !page.contains("@import"))
        #expect(!page.contains("<link") && !page.contains("<img"))
        let hrefs = Self.attributes("href", after: "<a ", in: page)
        #expect(!hrefs.isEmpty && hrefs.allSatisfy { $0.hasPrefix("#") })
        #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"))
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(page.hasSuffix("</html>\n"))
    }

    @Test func explanationsNeedNoScriptAndPrintingKeepsCardsWhole() throws {
        let page = Self.page(try ScoreWriterFixture.report())
        let withoutScript = page.replacingOccurrences(
            of: #"<script>[\s\S]*</script>\n"#, with: "", options: .regularExpression)
        #expect(withoutScript.count < page.count)
        #expect(Self.count("<details class=\"why\">", in: withoutScript) == 20)
        #expect(!withoutScript.contains("<button"))
        #expect(page.contains("@media print"))
        #expect(page.contains("article.card, table.leaderboard tr, figure, .period-head { break-inside: avoid;"))
        #expect(page.contains("nav.toc, button, .js-only, .tools { display: none !important; }"))
    }

    @Test(arguments: [(2, "bars"), (3, "radar"), (5, "radar")])
    func theChartIsARadarFromThreeDimensionsOnAndBarsBelow(dimensions: Int, kind: String) throws {
        let names = ["results", "quality", "tasks", "feedback", "crm"].prefix(dimensions)
        let model = ScoringModel(
            id: "wide", weightRule: .normalised,
            children: names.map { name in
                .dimension(
                    ScorecardDimension(
                        name, weight: 1,
                        children: [.indicator(ScorecardIndicator(name + "_kpi", weight: 1, function: .rank))]))
            })
        var values: [String: Double] = [:]
        for name in names { values[name + "_kpi"] = 1 }
        let report = try ScoreWriterFixture.report(
            model: model,
            people: [("u1", "Ann", "all", values), ("u2", "Bo", "all", values.mapValues { $0 + 1 })])
        let page = Self.page(report)
        #expect(Self.count("<svg class=\"chart \(kind)\"", in: page) == 2)
        // Each chart's label lists every dimension's score: Bo ranks first everywhere (100).
        let bo = Self.slice(page, from: "data-subject=\"u2\">\n<header>", to: "</svg>")
        #expect(bo.contains("aria-label=\"" + names.map { "\($0) 100.0" }.joined(separator: ", ") + "\""))
    }

    @Test func aTrendIsDrawnOnlyForSubjectsWithHistoryEndingWithThisPeriod() throws {
        let report = try ScoreWriterFixture.report()
        #expect(!Self.page(report).contains("chart trend"))
        var trends = ScoreTrends()
        trends[SubjectKey(.user, "u1")] = [
            ScoreTrendPoint(periodLabel: "2017-Q2", total: 90), ScoreTrendPoint(periodLabel: "2017-Q3", total: nil),
        ]
        trends[SubjectKey(.team, "u3")] = [ScoreTrendPoint(periodLabel: "2017-Q3", total: 80)]
        let page = Self.page(report, trends: trends)
        #expect(Self.count("<svg class=\"chart trend\"", in: page) == 1)
        let card = Self.slice(page, from: "id=\"card-2017-Q4-user-u1\"", to: "</article>")
        #expect(card.contains("aria-label=\"2017-Q2 90.0, 2017-Q3 —, 2017-Q4 107.5\""))
        // The missing Q3 breaks the line: two points with totals, no line joining them.
        #expect(Self.count("<circle class=\"point\"", in: card) == 2)
        #expect(!card.contains("<polyline"))
        #expect(card.contains("<figcaption>Total by period</figcaption>"))
    }

    @Test func rollupsShowMembersTheirTotalsAndEachUnitsOwnCompletion() throws {
        let page = Self.page(try ScoreWriterFixture.report())
        let table = Self.slice(page, from: "<table class=\"rollup\" data-grain=\"team\">", to: "</table>")
        #expect(Self.attributes("data-subject", after: "<tr", in: table) == ["east", "west"])
        let east = Self.slice(table, from: "data-subject=\"east\"", to: "</tr>")
        // Members u1 and u3: totals 107.5 and 102.5 → mean 105; own revenue 20000 of 16000.
        #expect(east.contains("<td>东区销售</td><td class=\"num members\">2</td><td class=\"num\">105.0</td>"))
        #expect(east.contains("125.0%<br><span class=\"note\">20,000.00 / 16,000.00</span>"))
        let west = Self.slice(table, from: "data-subject=\"west\"", to: "</tr>")
        #expect(west.contains("<td class=\"num\" title=\"no deals closed\">—<br>"))
    }

    @Test func everyAlertIsListedWithItsKind() throws {
        let page = Self.page(try ScoreWriterFixture.report())
        let alerts = Self.slice(page, from: "<ul class=\"alerts\">", to: "</ul>")
        #expect(Self.count("<li class=\"alert\"", in: alerts) == 2)
        #expect(alerts.contains("<span class=\"kind kind-milestone\">milestone</span>王芳 · Won revenue: reached 120.0%"))
        #expect(alerts.contains("needs 200.00 a day for 20 days"))
        #expect(page.contains("<h3>Alerts (2)</h3>"))
        #expect(page.contains("<li>cycle_days failed for user u4 in 2017-Q4: indicators/cycle_days.lua:7:"))
    }

    @Test func aChineseWorkspaceGetsChineseLabelsAndTitles() throws {
        let page = Self.page(try ScoreWriterFixture.report(), locale: "zh-CN")
        #expect(page.contains("<html lang=\"zh-CN\">"))
        #expect(page.contains("<meta charset=\"utf-8\">"))
        #expect(page.contains("<h1>销售考核</h1>"))
        #expect(page.contains("<h3>排行榜</h3>"))
        #expect(page.contains("<th class=\"num\">排名</th><th>姓名</th>"))
        #expect(page.contains("<summary>赢单金额</summary>"))
        #expect(page.contains("<span class=\"rank\">第 1 名 / 共 5 人</span>"))
        #expect(page.contains("<h4>团队汇总</h4>"))
        #expect(page.contains("\"展开全部说明\""))
        #expect(!page.contains("Leaderboard"))
    }

    @Test func theSameReportAlwaysGivesTheSameBytes() throws {
        let report = try ScoreWriterFixture.report()
        #expect(ScoreHTMLWriter().write(report, locale: "en") == ScoreHTMLWriter().write(report, locale: "en"))
        #expect(ScoreReportWriters.writer(for: "HTML")?.fileExtension == "html")
        #expect(ScoreReportWriters.formats == ["table", "json", "csv", "html", "md"])
    }
}
