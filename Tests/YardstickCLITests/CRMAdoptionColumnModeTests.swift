import Foundation
import Testing
import YardstickTestSupport

/// crm-adoption's indicators read their parameters at load time and keep their value functions
/// straight-line chains of views, so that they run in column mode (one query for every subject):
/// this fails when one silently falls back to per-subject evaluation.
@Suite struct CRMAdoptionColumnModeTests {
    @Test func everyIndicatorRunsInColumnMode() throws {
        let outcome = try CLI.run([
            "run", "--workspace", RepositoryRoot.path("plugins/crm-adoption/tests/basic"), "--plugins",
            "crm-adoption", "--period", "2026-07", "--per", "user,team", "--format", "json", "--timings",
            "--no-cache",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let evaluation = try #require(document["evaluation"] as? [String: Any])
        let byIndicator = try #require(evaluation["figures_by_indicator"] as? [String: [String: Int]])
        #expect(byIndicator.count == 15)
        for (indicator, figures) in byIndicator {
            let total = try #require(figures["total"])
            #expect(total > 0, "\(indicator)")
            #expect(figures["column_mode"] == total, "\(indicator): \(figures)")
        }
    }
}
