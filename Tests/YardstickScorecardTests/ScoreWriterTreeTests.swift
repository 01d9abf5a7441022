import Foundation
import Testing
import YardstickScorecard
import YardstickScoring

/// Deeper trees and totals without scores, in the CSV and the JSON.
@Suite struct ScoreWriterTreeTests {
    /// `results 100 → pipeline 100 → open_deals 100`, and a top-level `visits` indicator; all
    /// re-weighted when missing.
    static let nestedModel = ScoringModel(
        id: "nested", weightRule: .normalised,
        children: [
            .dimension(
                ScorecardDimension(
                    "results", weight: 3,
                    children: [
                        .dimension(
                            ScorecardDimension(
                                "pipeline", weight: 1,
                                children: [
                                    .indicator(
                                        ScorecardIndicator("open_deals", weight: 1, missingPolicy: .excludeAndReweight))
                                ]))
                    ])),
            .indicator(ScorecardIndicator("visits", weight: 1, missingPolicy: .excludeAndReweight)),
        ])

    static func report() throws -> ScoreReport {
        try ScoreWriterFixture.report(
            model: nestedModel,
            people: [
                (id: "a", name: "Ann", group: "all", values: ["open_deals": 5, "visits": 10]),
                (id: "b", name: "Bo", group: "all", values: [:]),
                (id: "c", name: "Cy", group: "all", values: ["visits": 5]),
            ],
            targets: ["open_deals": 10, "visits": 10])
    }

    @Test func nestedDimensionsAreWrittenAsPathsJoinedBySlashes() throws {
        let text = String(decoding: ScoreCSVWriter().write(try Self.report(), locale: "en"), as: UTF8.self)
        let rows = ScoreCSV.records(text).filter { $0["subject_id"] == "a" }
        #expect(
            rows.map { [$0["row_kind"] ?? "", $0["dimension"] ?? "", $0["indicator"] ?? "", $0["score"] ?? ""] } == [
                ["indicator", "results/pipeline", "open_deals", "50"], ["dimension", "results/pipeline", "", "50"],
                ["dimension", "results", "", "50"], ["indicator", "", "visits", "100"], ["total", "", "", ""],
            ])
        #expect(rows.first?["total_share"] == "0.75")
        #expect(rows.last?["total"] == "62.5")
    }

    @Test func aSubjectWithoutScoresHasNoTotalAndItsLeftOutDimensionsSayWhy() throws {
        let records = ScoreCSV.records(
            String(decoding: ScoreCSVWriter().write(try Self.report(), locale: "en"), as: UTF8.self))
        let bo = records.filter { $0["subject_id"] == "b" }
        let total = try #require(bo.last)
        #expect(total["row_kind"] == "total")
        #expect(total["status"] == "no-scores")
        #expect(total["total"] == "")
        #expect(total["missing_reason"] == "no indicator has a score")
        let results = try #require(bo.first { $0["row_kind"] == "dimension" && $0["dimension"] == "results" })
        #expect(results["status"] == "missing")
        #expect(results["policy_applied"] == "reweight")
        #expect(results["missing_reason"] == "every indicator below it was left out")
        let cy = records.filter { $0["subject_id"] == "c" }
        #expect(cy.last?["total"] == "50")
        #expect(cy.first { $0["indicator"] == "visits" }?["share"] == "1")
    }

    @Test func jsonDimensionsNestWithTheirIndicatorIds() throws {
        let bytes = ScoreJSONWriter().write(try Self.report(), locale: "en")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let period = try #require((document["periods"] as? [[String: Any]])?.first)
        let ann = try #require((period["subjects"] as? [[String: Any]])?.first)
        let results = try #require((ann["dimensions"] as? [[String: Any]])?.first)
        #expect(results["indicators"] as? [String] == [])
        let pipeline = try #require((results["dimensions"] as? [[String: Any]])?.first)
        #expect(pipeline["path"] as? [String] == ["results", "pipeline"])
        #expect(pipeline["indicators"] as? [String] == ["open_deals"])
        #expect(pipeline["score"] as? Double == 50)
        let indicators = try #require(ann["indicators"] as? [[String: Any]])
        #expect(indicators.map { $0["path"] as? [String] } == [["results", "pipeline", "open_deals"], ["visits"]])
        let bo = try #require((period["subjects"] as? [[String: Any]])?[1])
        #expect(bo["status"] as? String == "no-scores")
        #expect(bo["total"] is NSNull)
        #expect(bo["distributed_grade"] == nil)
    }
}
