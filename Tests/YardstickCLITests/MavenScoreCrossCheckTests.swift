import Foundation
import Testing
import YardstickTestSupport

/// `yardstick score` on the Maven example against the independent computation of
/// examples/maven-sales/score_crosscheck.py (expected/score-<model>-<period>.csv): every
/// subject's and every rollup unit's rows, compared column by column with a numeric tolerance.
///
/// The comparison runs only when the binary has the `score` command (issue 9's runner and
/// writers); without it there is nothing to compare yet.
@Suite struct MavenScoreCrossCheckTests {
    /// Whether the built binary has a `score` command (listed among the subcommands of `--help`).
    static let scoreCommandExists: Bool = {
        guard let outcome = try? CLI.run(["--help"]), outcome.status == 0 else { return false }
        return outcome.stdout.split(separator: "\n").contains { $0.hasPrefix("  score ") }
    }()

    /// The columns compared as numbers (relative tolerance 1e-9; empty must match empty).
    static let numericColumns = ["value", "target", "completion", "score", "weight", "contribution", "total"]
    /// The columns compared as text.
    static let textColumns = ["grade", "rank", "status"]

    @Test(
        .enabled(if: scoreCommandExists),
        arguments: [
            ("maven-sales", "2017-10"), ("maven-sales", "2017-Q4"), ("sales-fine", "2017-10"),
            ("sales-fine", "2017-Q4"), ("team-view", "2017-10"), ("team-view", "2017-Q4"),
        ])
    func scoresMatchTheIndependentPythonComputation(model: String, period: String) throws {
        let outcome = try CLI.run([
            "score", "--workspace", "examples/maven-sales", "--model", model, "--period", period, "--format", "csv",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let expectedText = try String(
            contentsOfFile: CLI.maven + "/expected/score-\(model)-\(period).csv", encoding: .utf8)
        let expected = try Self.keyed(try CSVTable(expectedText))
        let actual = try Self.keyed(try CSVTable(outcome.stdout))
        #expect(
            Set(actual.keys) == Set(expected.keys), "rows only in one of the two: \(Self.difference(actual, expected))")
        var mismatches: [String] = []
        for (key, want) in expected.sorted(by: { $0.key < $1.key }) {
            guard let got = actual[key] else { continue }
            for column in Self.numericColumns where !Self.numbersMatch(got[column] ?? "", want[column] ?? "") {
                mismatches.append("\(key) \(column): got \(got[column] ?? "-"), expected \(want[column] ?? "-")")
            }
            for column in Self.textColumns where (got[column] ?? "") != (want[column] ?? "") {
                mismatches.append("\(key) \(column): got \(got[column] ?? "-"), expected \(want[column] ?? "-")")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.prefix(30).joined(separator: "\n"))")
    }

    @Test func theCSVReaderHandlesQuotedFields() throws {
        let table = try CSVTable("a,b,c\n1,\"x, \"\"y\"\"\",\n")
        #expect(table.rows == [["a": "1", "b": "x, \"y\"", "c": ""]])
    }

    @Test func numbersMatchWithinARelativeTolerance() {
        #expect(Self.numbersMatch("0.48999999999999994", "0.49"))
        #expect(Self.numbersMatch("26600", "26600.0"))
        #expect(!Self.numbersMatch("26600", "26601"))
        #expect(!Self.numbersMatch("", "0"))
        #expect(Self.numbersMatch("", ""))
    }

    /// Rows keyed by `period,grain,subject_id,dimension,indicator` (unique: a dimension row has
    /// an empty indicator, a total row both empty).
    static func keyed(_ table: CSVTable) throws -> [String: [String: String]] {
        var rows: [String: [String: String]] = [:]
        for row in table.rows {
            let key = ["period", "grain", "subject_id", "dimension", "indicator"].map { row[$0] ?? "" }
                .joined(separator: ",")
            guard rows[key] == nil else { throw CSVTable.Malformed(description: "duplicate row \(key)") }
            rows[key] = row
        }
        return rows
    }

    static func difference(_ a: [String: [String: String]], _ b: [String: [String: String]]) -> String {
        let onlyA = Set(a.keys).subtracting(b.keys).sorted().prefix(10)
        let onlyB = Set(b.keys).subtracting(a.keys).sorted().prefix(10)
        return "only in the output: \(Array(onlyA)); only expected: \(Array(onlyB))"
    }

    /// Both empty, or both numbers within a relative 1e-9 (absolute below magnitude 1).
    static func numbersMatch(_ got: String, _ want: String) -> Bool {
        if got.isEmpty || want.isEmpty { return got.isEmpty && want.isEmpty }
        guard let a = Double(got), let b = Double(want) else { return got == want }
        return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }
}

/// A CSV text read into rows by header name (RFC 4180 quoting, LF or CRLF line ends).
struct CSVTable {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    /// The rows, each by column name.
    var rows: [[String: String]]

    init(_ text: String) throws {
        let records = Self.records(text)
        guard let header = records.first else { throw Malformed(description: "no header") }
        rows = try records.dropFirst().map { fields in
            guard fields.count == header.count else {
                throw Malformed(description: "\(fields.count) fields for \(header.count) columns: \(fields)")
            }
            return Dictionary(zip(header, fields), uniquingKeysWith: { first, _ in first })
        }
    }

    static func records(_ text: String) -> [[String]] {
        CSVTestRecords.parse(text)
    }
}
