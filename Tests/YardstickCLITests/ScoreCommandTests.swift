import Foundation
import Testing
import YardstickData
import YardstickTestSupport

/// `yardstick score`'s usage errors, caught before the workspace's models are read: exit code 2
/// and a message naming the option. (Scoring the example's models is tested at merge, with the
/// model files.)
@Suite struct ScoreCommandTests {
    @Test(arguments: [
        (["--as-of", "2017-13-01"], "--as-of 2017-13-01: expected a date, YYYY-MM-DD"),
        (["--as-of", "yesterday"], "--as-of yesterday: expected a date, YYYY-MM-DD"),
        (["--format", "xml"], "--format xml: expected one of table, json, csv, html, md, xlsx"),
        (["--rejects", "rejects.csv"], "--rejects lists the rows --lenient skips; pass --lenient too"),
    ])
    func aUsageMistakeExitsTwoAndNamesTheOption(arguments: [String], message: String) throws {
        let outcome = try CLI.run(["score", "--workspace", CLI.maven, "--period", "2017-10"] + arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "error: \(message)\n")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func aPeriodThatIsNoPeriodExitsTwo() throws {
        let outcome = try CLI.run(["score", "--workspace", CLI.maven, "--period", "2017-13", "--as-of", "2017-11-01"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("error: "))
        #expect(outcome.stderr.contains("2017-13"))
    }

    @Test func theHelpListsTheToDatePeriodsAndTheExitCodes() throws {
        let outcome = try CLI.run(["score", "--help"])
        #expect(outcome.status == 0)
        for text in ["MTD, QTD, YTD", "--as-of", "--per", "--no-comparisons", "Exit codes: 0"] {
            #expect(outcome.stdout.contains(text), "\(text)")
        }
    }

    /// The leaderboard of the Maven example's team view for 2017-Q4 in `width` columns.
    static func leaderboard(_ extra: [String]) throws -> String {
        let outcome = try CLI.run(
            ["score", "--workspace", CLI.maven, "--period", "2017-Q4", "--as-of", "2018-01-15"] + extra)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return outcome.stdout
    }

    @Test func theLeaderboardFitsTheWidthAskedForAndNamesWhatItLeftOut() throws {
        let narrow = try Self.leaderboard(["--width", "60"])
        #expect(narrow.contains("Left out to fit 60 columns: "))
        // The tables (rank rows and their rules) fit; titles and footnotes are sentences.
        let tableLines = narrow.split(separator: "\n").filter { $0.hasPrefix("   ") || $0.hasPrefix("──") }
        #expect(!tableLines.isEmpty)
        for line in tableLines { #expect(DisplayWidth.of(String(line)) <= 60, "\(line)") }
        let unlimited = try Self.leaderboard(["--width", "0"])
        #expect(!unlimited.contains("Left out to fit"))
        // Not a terminal and no --width: the 100 columns the leaderboard always had.
        #expect(try Self.leaderboard([]) == (try Self.leaderboard(["--width", "100"])))
    }
}
