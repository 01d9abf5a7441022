import Foundation
import Testing

/// `run --timings`: a readable block on standard error saying how the figures were evaluated,
/// the statistics in JSON output only when asked for, and the other output unchanged.
@Suite struct TimingsTests {
    static let arguments = [
        "run", "--workspace", "examples/maven-sales", "--period", "2017-10", "--per", "user,company",
    ]

    @Test func timingsShowThatTheExampleRunsInColumnModeWithGroupedQueries() throws {
        let outcome = try CLI.run(Self.arguments + ["--format", "csv", "--timings"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        // The block, the JSON line, then where the tables came from (the snapshot cache).
        try #require(lines.count == 4 + 1 + 16 + 1 + 1, "\(outcome.stderr)")
        #expect(lines[22].hasPrefix("cache: "))
        #expect(lines[0].hasPrefix("timings: load "))
        #expect(lines[0].contains(" s, evaluation ") && lines[0].contains(" s (discovery "))
        // 41 agents and the company, 16 straight-line indicators: every agent's figure in column
        // mode, the company (a single subject) per subject.
        #expect(
            lines[1]
                == "figures: 672: 656 in column mode, 0 prefetched per subject, 16 per subject, 0 alone, 0 not run; 0 failed, 0 stopped by limits"
        )
        // Discovery finds 16 aggregates; revenue_growth's previous period is computed on request.
        #expect(lines[2] == "queries: 17 grouped (16 computed ahead, 16 discovered), 19 for one subject at a time")
        // One indicator does arithmetic on its query columns, computed in the host.
        #expect(
            lines[3] == "column arithmetic: 1 column computed in the host (+ - * / on every subject's values at once)")
        #expect(lines[4] == "  indicator             column mode  prefetched  per subject  alone  not run  failed")
        #expect(lines[5] == "  account_coverage               41           0            1      0        0       0")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(lines[21].utf8)) as? [String: Any], "\(lines[21])")
        #expect(json["figures"] as? Int == 672)
        #expect(json["eval_seconds"] is Double && json["load_seconds"] is Double)
    }

    @Test func timingsCountTheKeyTablesOfKeyViews() throws {
        // monetary_value groups each CDNOW customer's orders by day: one key table per customer.
        let outcome = try CLI.run([
            "run", "--workspace", "examples/cdnow", "--period", "1997-01-01..1997-09-30", "--per", "account",
            "--indicators", "monetary_value", "--format", "json", "--timings",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("key views: 23570 tables built, "))
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let evaluation = try #require(document["evaluation"] as? [String: Any])
        let keys = try #require(evaluation["key_views"] as? [String: Int])
        #expect(keys["tables_built"] == 23570)
        #expect(keys["period_batches"] == 0 && keys["first_day_views"] == 0)
    }

    @Test func timingsLeaveTheCSVUnchanged() throws {
        let plain = try CLI.run(Self.arguments + ["--format", "csv"])
        let timed = try CLI.run(Self.arguments + ["--format", "csv", "--timings"])
        #expect(plain.status == 0 && timed.status == 0)
        #expect(plain.stdout == timed.stdout)
        #expect(plain.stderr.isEmpty)
    }

    @Test func jsonHasTheEvaluationStatisticsOnlyWithTimings() throws {
        let plain = try CLI.run(Self.arguments + ["--format", "json"])
        #expect(plain.status == 0)
        #expect(!plain.stdout.contains("\"evaluation\""))
        let timed = try CLI.run(Self.arguments + ["--format", "json", "--timings"])
        #expect(timed.status == 0)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(timed.stdout.utf8)) as? [String: Any])
        let evaluation = try #require(document["evaluation"] as? [String: Any])
        let figures = try #require(evaluation["figures"] as? [String: Int])
        #expect(figures["column_mode"] == 656 && figures["per_subject"] == 16 && figures["total"] == 672)
        let queries = try #require(evaluation["queries"] as? [String: Int])
        #expect(queries == ["grouped": 17, "grouped_ahead": 16, "discovered": 16, "one_subject": 19])
        let byIndicator = try #require(evaluation["figures_by_indicator"] as? [String: [String: Int]])
        #expect(byIndicator.count == 16)
        #expect(byIndicator["win_rate"]?["column_mode"] == 41)
    }
}
