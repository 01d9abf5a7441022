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
        try #require(lines.count == 3 + 1 + 13 + 1, "\(outcome.stderr)")
        #expect(lines[0].hasPrefix("timings: load "))
        #expect(lines[0].contains(" s, evaluation ") && lines[0].contains(" s (discovery "))
        // 41 agents and the company, 13 straight-line indicators: every agent's figure in column
        // mode, the company (a single subject) per subject.
        #expect(
            lines[1]
                == "figures: 546: 533 in column mode, 0 prefetched per subject, 13 per subject, 0 alone, 0 not run; 0 failed, 0 stopped by limits"
        )
        // Discovery finds 12 aggregates; revenue_growth's previous period is computed on request.
        #expect(lines[2] == "queries: 13 grouped (12 computed ahead, 12 discovered), 15 for one subject at a time")
        #expect(lines[3] == "  indicator             column mode  prefetched  per subject  alone  not run  failed")
        #expect(lines[4] == "  accounts_won                   41           0            1      0        0       0")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(lines[17].utf8)) as? [String: Any], "\(lines[17])")
        #expect(json["figures"] as? Int == 546)
        #expect(json["eval_seconds"] is Double && json["load_seconds"] is Double)
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
        #expect(figures["column_mode"] == 533 && figures["per_subject"] == 13 && figures["total"] == 546)
        let queries = try #require(evaluation["queries"] as? [String: Int])
        #expect(queries == ["grouped": 13, "grouped_ahead": 12, "discovered": 12, "one_subject": 15])
        let byIndicator = try #require(evaluation["figures_by_indicator"] as? [String: [String: Int]])
        #expect(byIndicator.count == 13)
        #expect(byIndicator["win_rate"]?["column_mode"] == 41)
    }
}
