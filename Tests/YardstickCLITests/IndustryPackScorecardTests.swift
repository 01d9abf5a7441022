import Foundation
import Testing
import YardstickTestSupport

/// The default scorecards of the saas and distribution packs (`saas.default`,
/// `distribution.default`), scored on their `tests/default-score` fixtures, which have no model of
/// their own: totals worked out by hand in those fixtures' READMEs.
@Suite struct IndustryPackScorecardTests {
    /// The `total` rows of `score --format csv`: subject id → total ("" when none).
    func totals(_ pack: String, fixture: String = "default-score", period: String = "2026-03") throws -> [String:
        String]
    {
        let workspace = RepositoryRoot.path("plugins/\(pack)/tests/\(fixture)")
        let outcome = try CLI.run(["score", "--workspace", workspace, "--period", period, "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let header = try #require(lines.first).map(String.init)
        let subject = try #require(header.firstIndex(of: "subject_id"))
        let total = try #require(header.firstIndex(of: "total"))
        let kind = try #require(header.firstIndex(of: "row_kind"))
        let grain = try #require(header.firstIndex(of: "grain"))
        var found: [String: String] = [:]
        let model = try #require(header.firstIndex(of: "model"))
        for line in lines.dropFirst() where line[kind] == "total" && line[grain] == "user" {
            #expect(line[model] == "\(pack).default")
            found[String(line[subject])] = String(line[total])
        }
        return found
    }

    func expectTotals(_ found: [String: String], _ expected: [String: Double]) {
        #expect(Set(found.keys) == Set(expected.keys))
        for (subject, value) in expected {
            let got = found[subject].flatMap(Double.init)
            #expect(
                got.map { abs($0 - value) < 0.05 } == true,
                "\(subject): expected \(value), got \(found[subject] ?? "none")")
        }
    }

    @Test func saasScorecardRewardsExpansionAndReweightsOwnersWithoutAnOpeningBook() throws {
        expectTotals(try totals("saas"), ["u1": 44.0, "u2": 7.4, "u3": 25.0])
    }

    @Test func distributionScorecardReweightsARepWithoutStoresOrReceivables() throws {
        expectTotals(try totals("distribution"), ["r1": 29.8, "r2": 54.1, "r3": 0.0])
    }

    @Test func salesCoreScorecardScoresRevenueAndCollectionsAgainstTheQuotas() throws {
        // plugins/sales-core/tests/basic-score/README.md works these out by hand.
        expectTotals(
            try totals("sales-core", fixture: "basic-score", period: "2026-07"), ["u1": 70.0, "u2": 53.2, "u3": 0.0])
    }
}
