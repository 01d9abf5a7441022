import Foundation
import Testing

/// The CDNOW example (examples/cdnow) against the independent computation of its
/// crosscheck.py: lifetimes' `summary_data_from_transaction_data` and DuckDB SQL, whose values
/// are committed in examples/cdnow/expected/. Every customer and every indicator is compared.
@Suite struct CDNOWCrossCheckTests {
    static let workspace = "examples/cdnow"
    /// The calibration window of the dataset's README: the observation end is 1997-09-30.
    static let calibration = "1997-01-01..1997-09-30"
    static let customerIndicators = [
        "frequency", "recency", "T", "monetary_value", "weeks_since_last", "r_score", "f_score", "m_score",
        "rfm_score",
    ]

    /// A CSV file of crosscheck.py as rows of named cells (no field is quoted in these files).
    static func table(_ name: String) throws -> [[String: String]] {
        let text = try String(
            contentsOfFile: CLI.root.appendingPathComponent("\(workspace)/expected/\(name)").path, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let header = try #require(lines.first).split(separator: ",").map(String.init)
        return lines.dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, cells))
        }
    }

    /// The value cells of a run's long CSV, by subject id and indicator (failed rows keep their
    /// status in the value: `failed`).
    static func values(_ csv: String) throws -> [String: [String: String]] {
        var lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.first == CLITests.csvHeader)
        lines.removeFirst()
        var values: [String: [String: String]] = [:]
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 8, "\(line)")
            values[fields[2], default: [:]][fields[4]] = fields[7] == "failed" ? "failed" : fields[5]
        }
        return values
    }

    /// Equal as numbers, within 1e-9 (absolute below 1, relative above); an empty cell (missing)
    /// only equals an empty cell.
    static func same(_ got: String?, _ want: String) -> Bool {
        guard let got else { return false }
        if got.isEmpty || want.isEmpty { return got == want }
        guard let a = Double(got), let b = Double(want) else { return false }
        // The run's CSV rounds to six decimals (docs/run-output.md): half a millionth apart at most.
        return abs(a - b) <= max(5e-7 + 1e-12, 1e-9 * max(1, abs(a), abs(b)))
    }

    @Test func everyCustomersLifetimesFiguresAndRFMScoresMatchTheIndependentComputation() throws {
        let outcome = try CLI.run([
            "run", "--workspace", Self.workspace, "--period", Self.calibration, "--per", "account", "--format", "csv",
            "--indicators", Self.customerIndicators.joined(separator: ","),
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let actual = try Self.values(outcome.stdout)
        let expected = try Self.table("customers.csv")
        #expect(expected.count == 23_570)
        #expect(actual.count == expected.count)
        var mismatches: [String] = []
        for row in expected {
            let id = row["customer_id"] ?? ""
            for indicator in Self.customerIndicators {
                let want = row[indicator] ?? "?"
                let got = actual[id]?[indicator]
                if !Self.same(got, want) {
                    mismatches.append("\(id) \(indicator): got \(got ?? "none"), expected \(want)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.prefix(20).joined(separator: "\n"))")
    }

    /// The company's figures of a run's long CSV, by period and indicator.
    static func companyValues(_ arguments: [String]) throws -> [String: [String: String]] {
        let outcome = try CLI.run(
            ["run", "--workspace", workspace, "--per", "company", "--format", "csv"] + arguments)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        var values: [String: [String: String]] = [:]
        for line in outcome.stdout.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 8, "\(line)")
            values[fields[0], default: [:]][fields[4]] = fields[7] == "failed" ? "failed" : fields[5]
        }
        return values
    }

    @Test func activeCustomersRepeatPurchaseRateAndRetentionByQuarterMatchDuckDB() throws {
        let got = try Self.companyValues([
            "--period-range", "1997-Q1..1998-Q2", "--indicators",
            ["active_customers", "repeat_purchase_rate", "retention_rate"].map { "\(Self.workspace)/company/\($0).lua" }
                .joined(separator: ","),
        ])
        let expected = try Self.table("quarters.csv")
        #expect(expected.count == 6)
        // 1997-Q1 has no customers the quarter before: its retention is missing (an empty cell).
        #expect(expected.first?["retention_rate"] == "")
        for row in expected {
            let period = row["period"] ?? ""
            for indicator in ["active_customers", "repeat_purchase_rate", "retention_rate"] {
                let want = row[indicator] ?? "?"
                #expect(Self.same(got[period]?[indicator], want), "\(period) \(indicator): \(got[period] ?? [:])")
            }
        }
    }

    @Test func theCohortTableMatchesDuckDBForEveryCohortAndMonth() throws {
        let outcome = try CLI.run([
            "run", "--workspace", Self.workspace, "--per", "company", "--format", "csv", "--period-range",
            "1997-01..1998-06", "--indicators", "\(Self.workspace)/company/cohort_active_customers.lua",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        var lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == CLITests.csvHeader + ",dimension,member,months_since")
        lines.removeFirst()
        // cohort|period → (months since, value), from the breakdown rows only.
        var got: [String: (String, String)] = [:]
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 11, "\(line)")
            guard fields[8] == "cohort:account:ordered_at:month" else { continue }
            got[fields[9] + "|" + fields[0]] = (fields[10], fields[5])
        }
        let expected = try Self.table("cohorts.csv")
        // Three first-purchase months, each active from its own month to 1998-06.
        #expect(expected.count == 18 + 17 + 16)
        for row in expected {
            let key = (row["cohort"] ?? "") + "|" + (row["period"] ?? "")
            #expect(got[key]?.0 == row["months_since"], "\(key)")
            #expect(got[key]?.1 == row["active_customers"], "\(key)")
        }
        #expect(got.count == expected.count)
    }

    @Test func newCustomersByMonthMatchDuckDB() throws {
        let got = try Self.companyValues([
            "--period-range", "1997-01..1998-06", "--indicators", "\(Self.workspace)/company/new_customers.lua",
        ])
        let expected = try Self.table("new_customers.csv")
        #expect(expected.count == 18)
        for row in expected {
            let period = row["period"] ?? ""
            #expect(got[period]?["new_customers"] == row["new_customers"], "\(period)")
        }
    }

    @Test func everyCustomerIndicatorRunsOnceForAllCustomersInColumnMode() throws {
        let outcome = try CLI.run([
            "run", "--workspace", Self.workspace, "--period", Self.calibration, "--per", "account", "--format", "json",
            "--timings", "--indicators", Self.customerIndicators.joined(separator: ","),
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try #require(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let evaluation = try #require(report["evaluation"] as? [String: Any])
        let byIndicator = try #require(evaluation["figures_by_indicator"] as? [String: Any])
        // The bins (r_score, f_score, m_score) are the host's; every other indicator, the
        // straight-line monetary_value included, is one column run for all 23,570 customers.
        for id in ["frequency", "recency", "T", "monetary_value", "weeks_since_last", "rfm_score"] {
            let paths = try #require(byIndicator[id] as? [String: Any], "\(id)")
            #expect(paths["column_mode"] as? Int == 23_570, "\(id): \(paths)")
            #expect(paths["total"] as? Int == 23_570, "\(id): \(paths)")
        }
        let queries = try #require(evaluation["queries"] as? [String: Any])
        #expect(queries["one_subject"] as? Int == 0)
        // The arithmetic on their query columns runs in the host, never one Lua value per
        // customer: frequency's `- 1`, recency's and weeks_since_last's and T's `-` and `/ 7`
        // (the last two against the period's last day), monetary_value's `-` and `- 1`.
        let arithmetic = try #require(evaluation["host_arithmetic_columns"] as? Int)
        #expect(arithmetic >= 9, "\(evaluation)")
    }

    @Test func theHostBinsAllCustomersWithoutRunningLuaPerSubject() throws {
        let outcome = try CLI.run([
            "run", "--workspace", Self.workspace, "--period", Self.calibration, "--per", "account", "--format", "json",
            "--timings", "--indicators", "r_score,f_score,m_score,rfm_score",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // Three bins indicators for 23,570 customers, binned by the host after the first stage;
        // rfm_score, which reads them, in a second.
        #expect(
            outcome.stderr.contains("peer bins: 70710 figures binned by the host, 2 evaluation stages"),
            "\(outcome.stderr)")
        let report = try #require(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let evaluation = try #require(report["evaluation"] as? [String: Any])
        let bins = try #require(evaluation["peer_bins"] as? [String: Any])
        #expect(bins["figures"] as? Int == 70_710)
        #expect(bins["stages"] as? Int == 2)
        // Stage 1 finds rfm_score pending for every customer in one column run (no Lua call per
        // customer); stage 2 evaluates it in column mode with the bins.
        let deferred = try #require(bins["deferred"] as? [String: Any])
        #expect(deferred["column_mode"] as? Int == 23_570)
        #expect(deferred["total"] as? Int == 23_570)
        let byIndicator = try #require(evaluation["figures_by_indicator"] as? [String: Any])
        let rfm = try #require(byIndicator["rfm_score"] as? [String: Any])
        #expect(rfm["column_mode"] as? Int == 23_570)
        #expect(rfm["failed"] as? Int == 0)
    }
}
