import Foundation
import GRDB
import Testing
import YardstickTestSupport

/// `run --record`, `score --record` and `yardstick history` on a copy of the Maven example.
@Suite struct HistoryCLITests {
    static func mavenCopy() throws -> TemporaryDirectory {
        let folder = try CLI.temporaryFolder()
        for item in ["data", "indicators", "scorecards", "model.lua", "yardstick.toml"] {
            try FileManager.default.copyItem(atPath: CLI.maven + "/" + item, toPath: folder.path(item))
        }
        return folder
    }

    static func run(_ arguments: [String], in folder: TemporaryDirectory) throws -> CommandOutcome {
        let outcome = try CLI.run(arguments + ["--workspace", folder.path])
        #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
        return outcome
    }

    static func count(_ sql: String, in folder: TemporaryDirectory) throws -> Int {
        let queue = try DatabaseQueue(path: folder.path(".yardstick/history.sqlite"))
        return try queue.read { try Int.fetchOne($0, sql: sql) ?? -1 }
    }

    @Test func reRunningAPeriodReplacesItsFiguresAndTheTrendShowsEachPeriodOnce() throws {
        let folder = try Self.mavenCopy()
        let october = try Self.run(["run", "--period", "2017-10", "--format", "csv", "--record"], in: folder)
        let november = try Self.run(["run", "--period", "2017-11", "--format", "csv", "--record"], in: folder)
        _ = try Self.run(["run", "--period", "2017-10", "--format", "csv", "--record"], in: folder)
        let figures = october.stdout.split(separator: "\n").count - 1
        #expect(figures > 600)
        #expect(try Self.count("SELECT count(*) FROM results WHERE period = '2017-10'", in: folder) == figures)
        #expect(
            try Self.count("SELECT count(*) FROM results", in: folder)
                == figures + november.stdout.split(separator: "\n").count - 1)
        #expect(try Self.count("SELECT count(*) FROM runs", in: folder) == 2)

        let trend = try Self.run(
            ["history", "--subject", "Darcel Schlecht", "--indicator", "won_revenue", "--format", "csv"], in: folder)
        let rows = trend.stdout.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(rows.count == 3, "\(trend.stdout)")
        guard rows.count == 3 else { return }
        let header = rows[0].map(String.init)
        func field(_ row: Int, _ name: String) -> String {
            guard let column = header.firstIndex(of: name) else { return "?" }
            return String(rows[row][column])
        }
        // examples/maven-sales/expected/run-2017-10.csv: Darcel Schlecht's won revenue.
        #expect(field(1, "period") == "2017-10")
        #expect(field(1, "value") == "130432")
        #expect(field(1, "change") == "")
        let novemberLine = try #require(
            november.stdout.split(separator: "\n").first {
                $0.hasPrefix("2017-11,user,Darcel Schlecht,Darcel Schlecht,won_revenue,")
            })
        let novemberValue = String(novemberLine.split(separator: ",")[5])
        #expect(field(2, "period") == "2017-11")
        #expect(field(2, "value") == novemberValue)
        #expect(field(2, "change") == String(Int(novemberValue)! - 130432))
        #expect(field(2, "model") == "")
    }

    @Test func scoreRecordKeepsScoresAndTheTotalPerModel() throws {
        let folder = try Self.mavenCopy()
        _ = try Self.run(
            [
                "score", "--model", "maven-sales", "--period", "2017-10", "--as-of", "2017-12-31", "--format", "csv",
                "--record",
            ],
            in: folder)
        let json = try Self.run(
            ["history", "--subject", "Anna Snelling", "--indicator", "@total", "--format", "json"], in: folder)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let rows = try #require(object?["history"] as? [[String: Any]])
        #expect(rows.count == 1)
        // examples/maven-sales/expected/score-maven-sales-2017-10.csv: Anna Snelling's total.
        #expect((rows.first?["score"] as? Double).map { abs($0 - 39.927011193141226) < 1e-9 } == true)
        #expect(rows.first?["model"] as? String == "maven-sales")
        let revenue = try Self.run(
            ["history", "--subject", "Anna Snelling", "--indicator", "won_revenue", "--format", "csv"], in: folder)
        let lines = revenue.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.last?.contains(",2017-10,") == true)
        #expect(lines.last?.contains(",15416,15.90977443609023,") == true, "\(revenue.stdout)")
    }

    @Test func theHTMLReportDrawsEachSubjectsRecordedTotalsAsATrend() throws {
        let folder = try Self.mavenCopy()
        let score = ["score", "--model", "maven-sales", "--as-of", "2017-12-31"]
        let without = try Self.run(score + ["--period", "2017-11", "--format", "html"], in: folder)
        #expect(!without.stdout.contains("class=\"chart trend\""))
        _ = try Self.run(score + ["--period", "2017-10", "--format", "csv", "--record"], in: folder)
        let page = try Self.run(score + ["--period", "2017-11", "--format", "html"], in: folder)
        // October recorded, November reported: a trend of two points on the cards of the
        // subjects with a total in both (Anna Snelling's October total is 39.9, see above).
        #expect(page.stdout.contains("class=\"chart trend\""))
        #expect(page.stdout.contains("2017-10"))
    }

    @Test func theTableShowsTheTrendWithChanges() throws {
        let folder = try Self.mavenCopy()
        var values: [Int] = []
        for period in ["2017-09", "2017-10"] {
            let run = try Self.run(
                ["run", "--period", period, "--indicators", "won_deals", "--format", "csv", "--record"], in: folder)
            let line = try #require(
                run.stdout.split(separator: "\n").first {
                    $0.contains(",user,Darcel Schlecht,Darcel Schlecht,won_deals,")
                })
            values.append(try #require(Int(line.split(separator: ",")[5])))
        }
        let table = try Self.run(["history", "--subject", "Darcel Schlecht", "--indicator", "won_deals"], in: folder)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(table.stdout)")
        guard lines.count == 4 else { return }
        #expect(lines[0].hasPrefix("subject"))
        #expect(lines[2].contains("2017-09") && lines[2].contains(" \(values[0])"))
        #expect(!lines[2].hasSuffix("+0"))
        let change = values[1] - values[0]
        let changeText = change > 0 ? "+\(change)" : "\(change)"
        #expect(lines[3].contains("2017-10") && lines[3].hasSuffix(changeText), "\(table.stdout)")
    }

    @Test func figuresShowInTheirIndicatorsUnitAsInTheRunsTable() throws {
        let folder = try Self.mavenCopy()
        for period in ["2017-09", "2017-10"] {
            _ = try Self.run(
                ["run", "--period", period, "--indicators", "won_revenue,win_rate", "--format", "csv", "--record"],
                in: folder)
        }
        let revenue = try Self.run(
            ["history", "--subject", "Darcel Schlecht", "--indicator", "won_revenue"], in: folder)
        let revenueLines = revenue.stdout.split(separator: "\n").map(String.init).dropFirst(2)
        #expect(revenueLines.count == 2, "\(revenue.stdout)")
        for line in revenueLines {
            // Money: thousands grouped, two decimals (`72,878.00`), as `run`'s table writes it.
            let cells = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            let value = try #require(cells.first { $0.contains(".") && $0.first?.isNumber == true })
            #expect(
                value.range(of: #"^[0-9]{1,3}(,[0-9]{3})*\.[0-9]{2}$"#, options: .regularExpression) != nil, "\(line)")
        }
        let rate = try Self.run(["history", "--subject", "Darcel Schlecht", "--indicator", "win_rate"], in: folder)
        let rateLines = rate.stdout.split(separator: "\n").dropFirst(2)
        #expect(rateLines.count == 2, "\(rate.stdout)")
        // Percent: one decimal and a % sign; the change in the same unit.
        #expect(rateLines.allSatisfy { $0.range(of: #" [0-9]+\.[0-9]%"#, options: .regularExpression) != nil })
        let csv = try Self.run(
            ["history", "--subject", "Darcel Schlecht", "--indicator", "win_rate", "--format", "csv"], in: folder)
        let header = try #require(csv.stdout.split(separator: "\n").first)
        #expect(header.hasSuffix(",unit"))
        #expect(csv.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix(",percent") })
    }

    @Test func historyWithoutRecordsFailsWithAReason() throws {
        let folder = try Self.mavenCopy()
        let outcome = try CLI.run(["history", "--subject", "x", "--workspace", folder.path])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("no history recorded yet"))
    }
}
