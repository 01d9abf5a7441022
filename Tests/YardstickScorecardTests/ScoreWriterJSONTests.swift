import Foundation
import Testing
import YardstickScorecard

/// The JSON document of `yardstick score`: its keys, the model, the periods' windows, subjects
/// with their dimension tree and indicator figures, rollups, alerts and failures.
@Suite struct ScoreWriterJSONTests {
    let text: String
    let document: [String: Any]

    init() throws {
        let bytes = ScoreJSONWriter().write(try ScoreWriterFixture.report(), locale: "en")
        text = String(decoding: bytes, as: UTF8.self)
        document = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    var period: [String: Any] { ((document["periods"] as? [Any])?.first as? [String: Any]) ?? [:] }

    func subject(_ id: String) -> [String: Any] {
        (period["subjects"] as? [[String: Any]])?.first { $0["id"] as? String == id } ?? [:]
    }

    func indicator(_ id: String, of subject: String) -> [String: Any] {
        (self.subject(subject)["indicators"] as? [[String: Any]])?.first { $0["id"] as? String == id } ?? [:]
    }

    @Test func theTopLevelKeysAreSortedAndTheTextEndsWithANewline() throws {
        #expect(
            document.keys.sorted() == [
                "as_of", "failures", "generated_at", "indicators", "model", "periods", "workspace",
            ])
        let positions = try [
            "\"as_of\"", "\"failures\"", "\"generated_at\"", "\"indicators\"", "\"model\"", "\"periods\"",
        ]
        .map { key in try #require(text.range(of: "\n  " + key)).lowerBound }
        #expect(positions == positions.sorted())
        #expect(text.hasSuffix("}\n"))
        #expect(document["as_of"] as? String == "2018-01-05")
        #expect(document["workspace"] as? String == "maven")
    }

    @Test func theModelCarriesItsSettingsAndTree() throws {
        let model = try #require(document["model"] as? [String: Any])
        #expect(model["id"] as? String == "maven-sales")
        #expect(model["title"] as? String == "Sales scorecard")
        #expect(model["title_zh"] as? String == "销售考核")
        #expect(model["version"] as? String == "1.0")
        #expect(model["file"] as? String == "model.lua")
        #expect(model["extends"] == nil)
        #expect(model["per"] as? String == "user")
        #expect(model["filter"] as? [String: [String]] == ["role": ["sales"]])
        #expect(model["peers"] as? String == "all")
        #expect(model["weights"] as? String == "sum-to-100")
        #expect(model["cap"] as? Double == 120)
        #expect(model["rollups"] as? [String] == ["team"])
        let grades = try #require(model["grades"] as? [[String: Any]])
        #expect(grades.map { $0["grade"] as? String } == ["A", "B", "C", "D"])
        #expect(grades.map { $0["minimum"] as? Double } == [90, 75, 60, 0])
        let distribution = try #require(model["distribution"] as? [[String: Any]])
        #expect(distribution.map { $0["percent"] as? Double } == [25, 50, 25])
        let tree = try #require(model["tree"] as? [[String: Any]])
        #expect(tree.map { $0["id"] as? String } == ["results", "quality"])
        let revenue = try #require((tree[0]["children"] as? [[String: Any]])?.first)
        #expect(revenue["kind"] as? String == "indicator")
        #expect(revenue["function"] as? String == "linear")
        #expect(revenue["parameters"] as? String == "linear: 0 at 50 % of target, 100 at 100 %")
        #expect(revenue["target"] as? String == "quota revenue")
        #expect(revenue["pipeline"] as? String == "open_pipeline")
        #expect(revenue["missing"] as? String == "zero")
    }

    @Test func aPeriodNamesItsWindowsAndWhetherItIsToDate() throws {
        let window = try #require(period["window"] as? [String: Any])
        #expect(window["start"] as? String == "2017-10-01")
        #expect(window["end"] as? String == "2017-12-31")
        #expect(window["days"] as? Int == 92)
        #expect((period["period"] as? [String: Any])?["kind"] as? String == "quarter")
        #expect((period["period"] as? [String: Any])?["label"] as? String == "2017-Q4")
        #expect((period["previous_window"] as? [String: Any])?["label"] as? String == "2017-Q3")
        #expect((period["last_year_window"] as? [String: Any])?["label"] as? String == "2016-Q4")
        #expect(period["to_date"] as? Bool == false)
    }

    @Test func aSubjectHasItsTotalGradeRankAndDimensionTree() throws {
        let u1 = subject("u1")
        #expect(u1["name"] as? String == "王芳")
        #expect(u1["grain"] as? String == "user")
        #expect(u1["team"] as? String == "east")
        #expect(u1["role"] as? String == "sales")
        #expect(u1["peer_group"] as? String == "all")
        #expect(u1["total"] as? Double == 107.5)
        #expect(u1["status"] as? String == "ok")
        #expect(u1["grade"] as? String == "A")
        #expect(u1["rank"] as? Int == 1)
        #expect(u1["distributed_grade"] as? String == "A")
        let dimensions = try #require(u1["dimensions"] as? [[String: Any]])
        #expect(dimensions.map { $0["id"] as? String } == ["results", "quality"])
        #expect(dimensions[0]["path"] as? [String] == ["results"])
        #expect(dimensions[0]["score"] as? Double == 115)
        #expect(dimensions[0]["contribution"] as? Double == 57.5)
        #expect(dimensions[0]["indicators"] as? [String] == ["won_revenue", "win_rate"])
        #expect((dimensions[0]["dimensions"] as? [Any])?.isEmpty == true)
    }

    @Test func anIndicatorHasItsTargetProvenanceCompletionScoreAndComparisons() throws {
        let revenue = indicator("won_revenue", of: "u1")
        #expect(revenue["path"] as? [String] == ["results", "won_revenue"])
        #expect(revenue["value"] as? Double == 12000)
        #expect(revenue["target"] as? Double == 8000)
        #expect(revenue["tier"] as? String == "target")
        #expect(revenue["tiers"] as? [String: Double] == ["target": 8000, "stretch": 10000])
        #expect(revenue["target_rule"] as? String == ScoreWriterFixture.quotaRule)
        #expect(revenue["quota_rows"] as? [String] == ["q-2017-10", "q-2017-11", "q-2017-12"])
        let completion = try #require(revenue["completion"] as? [String: Any])
        #expect(completion["value"] as? Double == 1.5)
        #expect(completion["rule"] as? String == "value/target")
        #expect(completion["met"] as? Bool == true)
        #expect(revenue["function"] as? String == "linear")
        #expect(revenue["cap"] as? Double == 120)
        #expect(revenue["score"] as? Double == 120)
        #expect(revenue["weight"] as? Double == 75)
        #expect(revenue["share"] as? Double == 0.75)
        #expect(revenue["total_share"] as? Double == 0.375)
        #expect(revenue["contribution"] as? Double == 45)
        #expect(revenue["previous"] as? Double == 10000)
        #expect(revenue["last_year"] as? Double == 9000)
        let deltas = try #require(revenue["deltas"] as? [String: Any])
        #expect(deltas["change_previous"] as? Double == 2000)
        #expect(deltas["relative_change_previous"] as? Double == 0.2)
        #expect(deltas["change_last_year"] as? Double == 3000)
        #expect(deltas["relative_change_last_year"] as? Double == 3000.0 / 9000.0)
        #expect(revenue["pipeline"] as? Double == 3500)
        #expect(revenue["missing_reason"] == nil)
        let deals = indicator("big_deals", of: "u1")
        #expect(deals["peers"] as? [String: Int] == ["rank": 1, "count": 5])
        #expect(deals["target"] is NSNull)
    }

    @Test func missingFiguresAreNullWithTheirReasonAndPolicy() {
        let winRate = indicator("win_rate", of: "u2")
        #expect(winRate["value"] is NSNull)
        #expect(winRate["score"] is NSNull)
        #expect(winRate["completion"] is NSNull)
        #expect(winRate["contribution"] is NSNull)
        #expect(winRate["status"] as? String == "missing")
        #expect(winRate["missing_reason"] as? String == "no deals closed")
        #expect(winRate["policy"] as? String == "reweight")
        #expect(winRate["policy_applied"] as? String == "reweight")
        let cycle = indicator("cycle_days", of: "u4")
        #expect(cycle["status"] as? String == "failed")
        #expect(cycle["missing_reason"] as? String == "indicators/cycle_days.lua:7: attempt to compare number with nil")
        let u4 = subject("u4")
        #expect(u4["status"] as? String == "incomplete")
        #expect(u4["total"] as? Double == 6.25)
        #expect(u4["grade"] is NSNull)
        #expect(u4["rank"] is NSNull)
        #expect(u4["incomplete_because"] as? [[String]] == [["quality", "cycle_days"]])
    }

    @Test func rollupsHaveTheirOwnFiguresAndMemberStatistics() throws {
        let rollups = try #require(period["rollups"] as? [[String: Any]])
        #expect(rollups.map { $0["id"] as? String } == ["east", "west"])
        let east = rollups[0]
        #expect(east["name"] as? String == "东区销售")
        #expect(east["grain"] as? String == "team")
        #expect(east["members"] as? [String] == ["u1", "u3"])
        let revenue = try #require((east["figures"] as? [[String: Any]])?.first)
        #expect(revenue["indicator"] as? String == "won_revenue")
        #expect(revenue["value"] as? Double == 20000)
        #expect(revenue["target"] as? Double == 16000)
        #expect((revenue["completion"] as? [String: Any])?["value"] as? Double == 1.25)
        #expect(revenue["target_rule"] as? String == "members' targets summed (2)")
        let statistics = try #require(east["total_statistics"] as? [String: Double])
        #expect(statistics == ["count": 2, "mean": 105, "median": 105, "min": 102.5, "max": 107.5, "spread": 2.5])
        let nodes = try #require(east["node_statistics"] as? [[String: Any]])
        #expect(nodes.first?["path"] as? [String] == ["results", "won_revenue"])
        #expect((nodes.first?["statistics"] as? [String: Double])?["mean"] == 110)
    }

    @Test func alertsAndFailuresAreListed() throws {
        let alerts = try #require(period["alerts"] as? [[String: Any]])
        #expect(alerts.map { $0["kind"] as? String } == ["milestone", "behind-pace"])
        #expect(alerts[0]["mark"] as? Double == 1.2)
        #expect(alerts[0]["needed_per_day"] is NSNull)
        #expect(alerts[1]["subject_id"] as? String == "u4")
        #expect(alerts[1]["needed_per_day"] as? Double == 200)
        #expect(alerts[1]["expected_completion"] as? Double == 0.75)
        #expect(alerts[1]["remaining_days"] as? Int == 20)
        let failures = try #require(document["failures"] as? [[String: Any]])
        #expect(failures.count == 1)
        #expect(failures[0]["file"] as? String == "indicators/cycle_days.lua")
        #expect(failures[0]["line"] as? Int == 7)
        #expect(failures[0]["grain"] as? String == "user")
        #expect(failures[0]["subject_id"] as? String == "u4")
    }

    @Test func theDocumentIsTheSameWhateverTheLocale() throws {
        let report = try ScoreWriterFixture.report()
        #expect(ScoreJSONWriter().write(report, locale: "zh-CN") == ScoreJSONWriter().write(report, locale: "en"))
    }
}
