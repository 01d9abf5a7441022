import Foundation
import Testing
import YardstickData
import YardstickQuery
import YardstickTestSupport

@testable import YardstickEngine

/// A cohort table on a fixture: customers by first-purchase month × months since, worked out by
/// hand. Orders: c1 on 01-05, 02-03, 03-15; c2 on 01-20, 03-02; c3 on 02-10, 02-25; c4 on 03-30;
/// one order on 03-05 without a customer (1997). First purchases: c1 and c2 in January, c3 in
/// February, c4 in March.
@Suite struct BreakdownCohortTests {
    static let toml = """
        [workspace]
        name = "Cohorts"
        [entities.accounts]
        file = "accounts.csv"
        [entities.orders]
        file = "orders.csv"
        """
    static let files = [
        "accounts.csv": "id,name\nc1,One\nc2,Two\nc3,Three\nc4,Four\n",
        "orders.csv": """
        id,account,amount,ordered_at
        o1,c1,10,1997-01-05
        o2,c2,20,1997-01-20
        o3,c1,30,1997-02-03
        o4,c3,40,1997-02-10
        o5,c3,50,1997-02-25
        o6,c1,60,1997-03-15
        o7,c2,70,1997-03-02
        o8,c4,80,1997-03-30
        o9,,90,1997-03-05

        """,
    ]
    static let activeCustomers = """
        return indicator { id = "active_customers", per = "company",
          breakdown = cohort{ key = "account", first = "ordered_at", by = "month" },
          value = function(s) return s.orders:during("ordered_at"):count_distinct("account") end }
        """
    static let months = [1, 2, 3].map { Period.month(year: 1997, month: $0) }

    static func run(_ sources: [String], by dimensions: [String] = [], periods: [Period] = months) throws -> RunReport {
        let directory = try TemporaryDirectory(prefix: "cohorts")
        try directory.write(["yardstick.toml": toml])
        for (name, text) in files { try directory.write(text, to: "data/" + name) }
        let workspace = try Workspace.open(directory: directory.path)
        let (dataset, _) = try DataLoader(workspace: workspace).load()
        var evaluator = Evaluator(engine: QueryEngine(dataset: dataset), workspace: workspace, workers: 2)
        evaluator.breakdowns = dimensions.compactMap(BreakdownDimension.init)
        let files = sources.enumerated().map {
            Evaluator.Source(file: "indicators/i\($0.offset).lua", text: $0.element)
        }
        return try evaluator.run(sources: files, periods: periods, grains: [.company])
    }

    /// `period cohort +months` → value, for one indicator.
    static func table(_ report: RunReport, _ id: String) -> [String: String] {
        var cells: [String: String] = [:]
        for figure in report.breakdowns where figure.indicatorID == id {
            let breakdown = figure.breakdown!
            let since = breakdown.monthsSince.map { " +\($0)" } ?? ""
            cells[figure.period.label + " " + breakdown.member + since] = figure.value.plainText
        }
        return cells
    }

    @Test func aCohortTableCountsCustomersByFirstPurchaseMonthAndMonthsSince() throws {
        let report = try Self.run([Self.activeCustomers])
        // January: c1, c2 (January cohort). February: c1 (January, 1 month on), c3 (February).
        // March: c1, c2 (January, 2 months on), c4 (March); the order without a customer is the
        // (none) member, with no customer to count; the February cohort bought nothing.
        #expect(
            Self.table(report, "active_customers") == [
                "1997-01 1997-01 +0": "2",
                "1997-02 1997-01 +1": "1", "1997-02 1997-02 +0": "1",
                "1997-03 1997-01 +2": "2", "1997-03 1997-03 +0": "1", "1997-03 (none)": "0",
            ])
        #expect(report.results.map(\.value.plainText) == ["2", "2", "3"])
        #expect(
            report.breakdowns.allSatisfy { $0.breakdown?.dimension == "cohort:account:ordered_at:month" })
    }

    @Test func aCohortIsTheKeysFirstEventOverAllHistoryNotThePeriods() throws {
        // Evaluated for March alone, c1 and c2 are still January customers.
        let report = try Self.run([Self.activeCustomers], periods: [Self.months[2]])
        #expect(
            Self.table(report, "active_customers") == [
                "1997-03 1997-01 +2": "2", "1997-03 1997-03 +0": "1", "1997-03 (none)": "0",
            ])
    }

    @Test func quarterlyCohortsHaveNoMonthsSince() throws {
        let revenue = """
            return indicator { id = "revenue", per = "company", value = function(s)
              return s.orders:during("ordered_at"):sum("amount")
            end }
            """
        let report = try Self.run([revenue], by: ["cohort:account:ordered_at:quarter"], periods: [Self.months[2]])
        // March: every customer's cohort is 1997-Q1: o6 + o7 + o8 = 210; o9 (none) = 90.
        #expect(Self.table(report, "revenue") == ["1997-03 1997-Q1": "210", "1997-03 (none)": "90"])
    }

    @Test func theCohortTableIsWrittenWithMonthsSinceInCSVAndJSON() throws {
        let report = try Self.run([Self.activeCustomers], periods: [Self.months[1]])
        let csv = String(decoding: CSVReportWriter.bytes(report), as: UTF8.self)
        #expect(
            csv == """
                period,grain,subject_id,subject_name,indicator,value,unit,status,dimension,member,months_since
                1997-02,company,company,Cohorts,active_customers,2,number,ok,,,
                1997-02,company,company,Cohorts,active_customers,1,number,ok,cohort:account:ordered_at:month,1997-01,1
                1997-02,company,company,Cohorts,active_customers,1,number,ok,cohort:account:ordered_at:month,1997-02,0

                """)
        let json = JSONReportWriter.text(report, statistics: false)
        #expect(
            json.contains(
                """
                      "dimension": "cohort:account:ordered_at:month",
                      "grain": "company",
                      "indicator": "active_customers",
                      "member": "1997-01",
                      "months_since": 1,
                      "period": "1997-02",
                """))
    }

    @Test func theTableShowsEachSubjectWithItsMembersUnderIt() throws {
        let report = try Self.run([Self.activeCustomers], periods: [Self.months[1]])
        let text = TableReportWriter.text(report, locale: "en", errors: false)
        #expect(
            text.hasSuffix(
                """
                1997-02 · company · by cohort:account:ordered_at:month
                ID       Name     Member     Months since  active_customers
                ───────  ───────  ─────────  ────────────  ────────────────
                company  Cohorts  all                                     2
                                    1997-01             1                 1
                                    1997-02             0                 1

                """))
    }
}
