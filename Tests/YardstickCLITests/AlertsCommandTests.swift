import Foundation
import Testing
import YardstickData
import YardstickEngine
import YardstickTestSupport

@testable import YardstickCLI

/// `yardstick alerts`: the period and the as-of day it works out, and how it ends on mistakes.
@Suite struct AlertsCommandTests {
    static let calendar = CalendarSettings()
    /// 20 October 2017.
    static let october20 = Period.month(year: 2017, month: 10).firstDay + 19

    @Test func theAsOfDayIsADate() throws {
        #expect(try AlertsCommand.asOfDay("2017-10-20", calendar: Self.calendar) == Self.october20)
        #expect(throws: CLIError.self) { try AlertsCommand.asOfDay("2017-10", calendar: Self.calendar) }
        #expect(throws: CLIError.self) { try AlertsCommand.asOfDay("20/10/2017", calendar: Self.calendar) }
    }

    @Test(
        arguments: [
            (nil, "2017-10"), ("MTD", "2017-10"), ("qtd", "2017-Q4"), ("YTD", "2017"), ("2017-09", "2017-09"),
            ("2017-Q3", "2017-Q3"),
        ] as [(String?, String)])
    func thePeriodDefaultsToTheMonthOfTheAsOfDay(argument: String?, label: String) throws {
        #expect(try AlertsCommand.period(argument, asOf: Self.october20, calendar: Self.calendar).label == label)
    }

    @Test func yearToDateIsTheFiscalYearWhenItStartsAfterJanuary() throws {
        let april = CalendarSettings(fiscalYearStartMonth: 4)
        #expect(try AlertsCommand.period("YTD", asOf: Self.october20, calendar: april).label == "FY2018")
        let february = Period.month(year: 2017, month: 2).firstDay
        #expect(try AlertsCommand.period("YTD", asOf: february, calendar: april).label == "FY2017")
    }

    @Test func kindsAreCommaSeparatedAndAllByDefault() throws {
        #expect(try AlertsCommand.kinds(nil) == [.milestone, .behindPace, .periodEnd])
        #expect(try AlertsCommand.kinds("behind-pace, period-end") == [.behindPace, .periodEnd])
        #expect(throws: CLIError.self) { try AlertsCommand.kinds("behind") }
    }

    @Test func anUnknownKindIsAUsageErrorThatExitsTwo() throws {
        let outcome = try CLI.run([
            "alerts", "--workspace", "examples/maven-sales", "--as-of", "2017-10-20", "--kind", "late",
        ])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "error: --kind late: expected one of milestone, behind-pace, period-end\n")
    }

    @Test func aBadAsOfDayIsAUsageErrorThatExitsTwo() throws {
        let outcome = try CLI.run([
            "alerts", "--workspace", "examples/maven-sales", "--period", "2017-10", "--as-of", "2017-13-40",
        ])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "error: --as-of 2017-13-40: expected a date such as 2017-10-20\n")
    }

    @Test func aBadPeriodExitsTwo() throws {
        let outcome = try CLI.run([
            "alerts", "--workspace", "examples/maven-sales", "--period", "2017-14", "--as-of", "2017-10-20",
        ])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("error: "), "\(outcome.stderr)")
    }

    @Test func aWorkspaceWithoutAModelExitsTwo() throws {
        let folder = try SmallWorkspace.create()
        defer { withExtendedLifetime(folder) {} }
        let outcome = try CLI.run(["alerts", "--workspace", folder.path, "--as-of", "2026-10-20"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.hasPrefix("error: "), "\(outcome.stderr)")
    }

    @Test func anUnknownFormatIsTheParsersUsageError() throws {
        let outcome = try CLI.run(["alerts", "--format", "xml"])
        #expect(outcome.status == 64)
    }

    /// `alerts` on the Maven example for October 2017 as of the 20th, in `format`.
    static func mavenAlerts(_ format: String, extra: [String] = []) throws -> CommandOutcome {
        try CLI.run(
            [
                "alerts", "--workspace", "examples/maven-sales", "--period", "2017-10", "--as-of", "2017-10-20",
                "--format", format,
            ] + extra)
    }

    @Test func csvHasOneRowPerAlertOfTheJSON() throws {
        let json = try Self.mavenAlerts("json")
        #expect(json.status == 0)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let periods = try #require(document["periods"] as? [[String: Any]])
        let alerts = try #require(periods.first?["alerts"] as? [[String: Any]])
        #expect(!alerts.isEmpty)
        let csv = try Self.mavenAlerts("csv")
        #expect(csv.status == 0)
        let records = CSVTestRecords.parse(csv.stdout)
        #expect(records.first?.first == "period")
        #expect(records.count == alerts.count + 1)
        let header = try #require(records.first)
        let messageColumn = try #require(header.firstIndex(of: "message"))
        let subjectColumn = try #require(header.firstIndex(of: "subject_id"))
        for (record, alert) in zip(records.dropFirst(), alerts) {
            #expect(record[subjectColumn] == alert["subject_id"] as? String)
            #expect(record[messageColumn] == alert["message"] as? String)
        }
    }

    @Test func markdownHasATableRowPerAlert() throws {
        let json = try Self.mavenAlerts("json")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let alerts = try #require(
            (document["periods"] as? [[String: Any]])?.first?["alerts"] as? [[String: Any]])
        let markdown = try Self.mavenAlerts("md")
        #expect(markdown.status == 0)
        let lines = markdown.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("# ") == true)
        #expect(lines.contains { $0.hasPrefix("## 2017-10 · as of 2017-10-20 · ") })
        // The header, the alignment row, then one row per alert.
        #expect(lines.filter { $0.hasPrefix("| ") }.count == alerts.count + 2)
    }

    @Test func xlsxIsWrittenToTheOutFileAsAWorkbook() throws {
        let folder = try TemporaryDirectory(prefix: "alerts-xlsx")
        defer { withExtendedLifetime(folder) {} }
        let path = folder.url.appendingPathComponent("alerts.xlsx").path
        let outcome = try Self.mavenAlerts("xlsx", extra: ["--out", path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(bytes.prefix(2) == Data("PK".utf8))
    }
}
