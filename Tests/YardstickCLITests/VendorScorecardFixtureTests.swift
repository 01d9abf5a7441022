import Foundation
import Testing
import YardstickTestSupport

/// vendor-eval's default scorecard model, scored on the pack's `tests/default-score` workspace
/// (the fixture data and no model of its own, so `score` scores the pack's `vendor-eval.default`);
/// the expected scores are worked out by hand in that folder's README.
@Suite struct VendorScorecardFixtureTests {
    static let workspace = RepositoryRoot.path("plugins/vendor-eval/tests/default-score")

    /// The `score --format csv` rows of one period, keyed by dimension and indicator
    /// (`business/vendor-eval.sales_growth`, `business/` for a dimension, `/` for the total).
    static func scores(_ period: String) throws -> [String: [String: String]] {
        let outcome = try CLI.run([
            "score", "--workspace", workspace, "--period", period, "--format", "csv", "--no-cache",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) ?? []
        var rows: [String: [String: String]] = [:]
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let row = Dictionary(uniqueKeysWithValues: zip(header, fields))
            rows["\(row["dimension"] ?? "")/\(row["indicator"] ?? "")"] = row
        }
        return rows
    }

    static func number(_ text: String?) -> Double? { text.flatMap(Double.init) }

    @Test func theFixtureScoresThePacksOwnDefaultModel() throws {
        #expect(!FileManager.default.fileExists(atPath: Self.workspace + "/model.lua"))
        let rows = try Self.scores("2026-07")
        #expect(rows["/"]?["model"] == "vendor-eval.default")
    }

    @Test func defaultModelScoresJulyAsWorkedOutByHand() throws {
        let rows = try Self.scores("2026-07")
        let total = try #require(Self.number(rows["/"]?["total"]))
        // 0.40 × 75.1225 + 0.35 × 11.8615 + 0.25 × 65.4971 (README.md of the fixture).
        #expect(abs(total - 50.574803765206) < 1e-6)
        #expect(rows["/"]?["grade"] == "D")
        let business = try #require(Self.number(rows["business/"]?["score"]))
        #expect(abs(business - (30 * 4 / 4.5 + 25 * 0.5 / 0.85 + 15 + 15 + 15 * 0.25)) < 1e-9)
        #expect(Self.number(rows["stability/vendor-eval.availability"]?["score"]) == 0)
        #expect(Self.number(rows["business/vendor-eval.sales_growth"]?["score"]) == 100)
        #expect(Self.number(rows["business/vendor-eval.customer_lifetime_value"]?["target"]) == 487.5)
        #expect(Self.number(rows["business/vendor-eval.acquisition_cost"]?["score"]) == 25)
    }

    @Test func missingValuesAreReweightedAndAnEmptyDimensionLeftOut() throws {
        let rows = try Self.scores("2026-09")
        let total = try #require(Self.number(rows["/"]?["total"]))
        // (0.40 × 1500/55 + 0.35 × 100) / 0.75: support has no value at all.
        #expect(abs(total - (0.40 * 1500 / 55 + 0.35 * 100) / 0.75) < 1e-9)
        #expect(rows["/"]?["grade"] == "C")
        #expect(rows["support/"]?["status"] == "missing")
        #expect(rows["business/vendor-eval.acquisition_cost"]?["missing_reason"] == "division by zero")
        #expect(rows["business/vendor-eval.customer_satisfaction"]?["policy_applied"] == "reweight")
    }
}
