import Foundation
import Testing

/// The bank call-center example (examples/bank-call-center) against the independent
/// computation of its expected_values.py, and what `check` says of its mapping.
@Suite struct BankCallCenterTests {
    static let workspace = "examples/bank-call-center"

    @Test(arguments: ["1999-02", "1999-W05"])
    func runMatchesIndependentExpectedValues(period: String) throws {
        let outcome = try CLI.run([
            "run", "--workspace", Self.workspace, "--period", period, "--per", "user,team,company", "--format", "csv",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let expectedText = try String(
            contentsOfFile: CLI.root.appendingPathComponent("\(Self.workspace)/expected/run-\(period).csv").path,
            encoding: .utf8)
        let actual = try ExpectedCSV.rows(outcome.stdout)
        let expected = try ExpectedCSV.rows(expectedText)
        #expect(expected.count == 130)
        #expect(Set(actual.keys) == Set(expected.keys), "rows differ")
        var mismatches: [String] = []
        for (key, want) in expected.sorted(by: { $0.key < $1.key }) {
            guard let got = actual[key] else { continue }
            if !Self.matches(got, want) { mismatches.append("\(key): got \(got), expected \(want)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.prefix(20).joined(separator: "\n"))")
    }

    /// Same unit and status; counts equal as text, averages and rates as the run's CSV writes
    /// them (rounded to six decimals, ``ExpectedCSV/sixDecimals(_:_:)``).
    static func matches(_ got: ExpectedCSV.Row, _ want: ExpectedCSV.Row) -> Bool {
        guard got.unit == want.unit, got.status == want.status else { return false }
        if got.value == want.value { return true }
        return want.unit != "count" && ExpectedCSV.sixDecimals(got.value, want.value)
    }

    @Test func checkCountsThePhantomCallsTheFilterDroppedAndTheCallsServedBeforeQueued() throws {
        let outcome = try CLI.run(["check", "--workspace", Self.workspace])
        // The log's one real quirk: 54 calls served a second or two before they were queued.
        #expect(outcome.status == 1, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(
            outcome.stdout.contains(
                "  278 rows of data/data_anonymous_bank_february.txt dropped by the mapping's filters "
                    + "(drop outcome = \"PHANTOM\")"),
            "\(outcome.stdout)")
        #expect(
            outcome.stdout.contains("calls   33066         0  1999-02-01  1999-02-28         1"), "\(outcome.stdout)")
        #expect(
            outcome.stdout.contains(
                "  ! rule_violation answered_at: 54 rows break the rule answered_at ≥ queued_at — e.g. "
                    + "data/data_anonymous_bank_february.txt:1984: answered_at 1999-02-04T19:56:50Z is before "
                    + "queued_at 1999-02-04T19:56:51Z"),
            "\(outcome.stdout)")
        #expect(outcome.stdout.contains("1 problem found"))
    }

    /// What expected_values.py computed from the raw log for the calls entity.
    struct ExpectedCheck: Decodable {
        var rows: Int
        var dropped: Int
        var answered_before_queued: Int
        var filled: [String: Int]
        var first_date: String
        var last_date: String
    }

    @Test func checkOfTheCallsAgreesWithTheIndependentCount() throws {
        let outcome = try CLI.run(["check", "--workspace", Self.workspace, "--format", "json"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        let expectedData = try Data(
            contentsOf: CLI.root.appendingPathComponent("\(Self.workspace)/expected/check-calls.json"))
        let expected = try JSONDecoder().decode(ExpectedCheck.self, from: expectedData)
        let report = try #require(
            JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let entities = try #require(report["entities"] as? [[String: Any]])
        let calls = try #require(entities.first { $0["entity"] as? String == "calls" })
        #expect(calls["rows"] as? Int == expected.rows)
        #expect(calls["rejectedRows"] as? Int == 0)
        let dropped = try #require(calls["droppedRows"] as? [[String: Any]])
        #expect(dropped.map { $0["rows"] as? Int } == [expected.dropped])
        let fields = try #require(calls["fields"] as? [[String: Any]])
        var filled: [String: Int] = [:]
        for field in fields {
            if let name = field["field"] as? String { filled[name] = field["filled"] as? Int }
        }
        #expect(filled == expected.filled)
        let span = try #require(calls["dateSpan"] as? [String: String])
        #expect(span == ["first": expected.first_date, "last": expected.last_date])
        let problems = try #require(calls["problems"] as? [[String: Any]])
        #expect(problems.count == 1)
        #expect(problems.first?["field"] as? String == "answered_at")
        #expect(problems.first?["count"] as? Int == expected.answered_before_queued)
    }

    @Test func tablesShowSecondsAsMinutesAndSeconds() throws {
        let outcome = try CLI.run([
            "run", "--workspace", Self.workspace, "--period", "1999-02", "--per", "company", "--indicators",
            "avg_wait,avg_service_time",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // 176.35 s and 40.77 s, rounded to the second.
        #expect(
            outcome.stdout.contains("bank  Anonymous Bank                  2:56          0:41"), "\(outcome.stdout)")
    }
}
