import Foundation
import Testing
import YardstickData
import YardstickQuery
import YardstickTestSupport

@testable import YardstickEngine

/// Snapshots: a customer table with a churn flag and no event dates, evaluated as of its
/// extraction day instead of in a period.
@Suite struct SnapshotTests {
    static let toml = """
        [workspace]
        name = "Telco"
        [entities.customers]
        file = "customers.csv"
        [entities.customers.custom]
        id = { type = "string" }
        contract = { type = "string" }
        churned = { type = "boolean" }
        monthly = { type = "decimal" }
        """
    static let customers = """
        id,contract,churned,monthly
        c1,month,true,70.00
        c2,month,true,80.50
        c3,month,false,20.00
        c4,year,false,50.00
        c5,two_year,false,19.50

        """
    static let churnRate = """
        return indicator {
          id = "churn_rate", per = "company", unit = "percent",
          value = function(s)
            return ratio(s.customers:where{ churned = true }:count(), s.customers:count())
          end,
        }
        """
    static let monthToMonthChurn = """
        return indicator {
          id = "month_churn", per = "company", unit = "percent", snapshot = true,
          value = function(s)
            local month = s.customers:where{ contract = "month" }
            return ratio(month:where{ churned = true }:count(), month:count())
          end,
        }
        """
    static let usesDuring = """
        return indicator {
          id = "bad", per = "company", snapshot = true,
          value = function(s)
            local rows = s.customers
            return rows:during("signed_on"):count()
          end,
        }
        """

    private func run(_ sources: [String: String], snapshot: String, periods: [Period]) throws -> RunReport {
        let directory = try TemporaryDirectory(prefix: "snapshot")
        try directory.write(["yardstick.toml": Self.toml + "\n" + snapshot])
        try directory.write(Self.customers, to: "data/customers.csv")
        let workspace = try Workspace.open(directory: directory.path)
        let (dataset, _) = try DataLoader(workspace: workspace).load()
        let evaluator = Evaluator(engine: QueryEngine(dataset: dataset), workspace: workspace, workers: 2)
        let files = sources.keys.sorted().map { Evaluator.Source(file: "indicators/\($0).lua", text: sources[$0]!) }
        return try evaluator.run(sources: files, periods: periods, grains: [.company])
    }

    @Test func aSnapshotWorkspaceRunsWithoutAPeriodAndLabelsFiguresWithItsDate() throws {
        let report = try run(
            ["churn_rate": Self.churnRate], snapshot: "[snapshot]\nas_of = \"2024-01-31\"\n", periods: [])
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.periods == [.snapshot(asOf: CivilDate.dayNumber(year: 2024, month: 1, day: 31))])
        let figure = try #require(report.results.first)
        // c1 and c2 of five customers churned.
        #expect(figure.value == .number(0.4))
        #expect(figure.period.label == "2024-01-31")
        #expect(figure.period.kind == .snapshot)
        let table = TableReportWriter.text(report, locale: "en", errors: false)
        #expect(table.hasPrefix("as of 2024-01-31 · company\n"))
        let csv = String(decoding: CSVReportWriter().write(report, options: ReportWriterOptions()), as: UTF8.self)
        #expect(csv.contains("\n2024-01-31,company,"))
        let json = String(decoding: JSONReportWriter().write(report, options: ReportWriterOptions()), as: UTF8.self)
        #expect(json.contains("\"kind\": \"snapshot\""))
        #expect(json.contains("\"period\": \"2024-01-31\""))
    }

    @Test func aSnapshotIndicatorBesidePeriodIndicatorsGetsItsOwnLabel() throws {
        let perPeriod = """
            return indicator { id = "customers", per = "company", value = function(s) return s.customers:count() end }
            """
        let report = try run(
            ["month_churn": Self.monthToMonthChurn, "customers": perPeriod],
            snapshot: "[snapshot]\nas_of = \"2024-01-31\"\nscope = \"indicators\"\n",
            periods: [.month(year: 2024, month: 1)])
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.periods.map(\.label) == ["2024-01", "2024-01-31"])
        // Declaration order (files sorted): customers, then month_churn.
        #expect(report.indicators.map(\.id) == ["customers", "month_churn"])
        let labels = report.results.map { "\($0.indicatorID)@\($0.period.label)=\($0.value.plainText)" }
        // Month-to-month: c1, c2 churned of c1, c2, c3.
        #expect(labels == ["customers@2024-01=5", "month_churn@2024-01-31=\(String(2.0 / 3.0))"])
    }

    @Test func anIndicatorsOwnAsOfDateNeedsNoWorkspaceSnapshot() throws {
        let own = Self.monthToMonthChurn.replacingOccurrences(
            of: "snapshot = true", with: "snapshot = \"2023-12-31\"")
        let report = try run(["month_churn": own], snapshot: "", periods: [])
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.results.map(\.period.label) == ["2023-12-31"])
    }

    @Test func snapshotTrueWithoutAnAsOfDateFails() throws {
        let report = try run(["month_churn": Self.monthToMonthChurn], snapshot: "", periods: [])
        let failure = try #require(report.errors.first)
        #expect(failure.file == "indicators/month_churn.lua")
        #expect(failure.message.hasPrefix("snapshot = true needs the as-of date"))
        #expect(report.results.isEmpty)
    }

    @Test func duringOnASnapshotIndicatorFailsAtItsLine() throws {
        let report = try run(["bad": Self.usesDuring], snapshot: "[snapshot]\nas_of = \"2024-01-31\"\n", periods: [])
        let failure = try #require(report.errors.first)
        #expect(failure.file == "indicators/bad.lua")
        #expect(failure.line == 5)
        #expect(
            failure.message.contains(
                "during: this indicator reads a snapshot as of 2024-01-31, which has no period to filter on"))
    }

    @Test func periodIndicatorsStillNeedAPeriod() throws {
        let perPeriod = """
            return indicator { id = "customers", per = "company", value = function(s) return s.customers:count() end }
            """
        #expect(throws: EvaluationError.self) {
            try run(
                ["month_churn": Self.monthToMonthChurn, "customers": perPeriod],
                snapshot: "[snapshot]\nas_of = \"2024-01-31\"\nscope = \"indicators\"\n", periods: [])
        }
    }

    @Test func aSnapshotTableNeedsAValidAsOfDate() throws {
        let directory = try TemporaryDirectory(prefix: "snapshot")
        try directory.write(["yardstick.toml": Self.toml + "\n[snapshot]\nas_of = \"2024-02-30\"\n"])
        #expect {
            try Workspace.open(directory: directory.path)
        } throws: { error in
            (error as? WorkspaceError)?.description
                == "yardstick.toml: snapshot.as_of: expected a date written 2024-01-31, found \"2024-02-30\""
        }
    }
}
