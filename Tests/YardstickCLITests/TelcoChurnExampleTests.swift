import Foundation
import Testing

/// examples/telco-churn: a snapshot workspace run without --period, figures labelled with the
/// as-of date, and churn per contract type and payment method as subjects of their own.
@Suite struct TelcoChurnExampleTests {
    /// Whether a CSV value is `expected` as the run writes it: rounded to six decimals.
    static func sixDecimals(_ text: String?, _ expected: Double) -> Bool {
        guard let value = text.flatMap(Double.init) else { return false }
        return abs(value - expected) <= 5e-7 + 1e-12
    }

    static let workspace = CLI.root.appendingPathComponent("examples/telco-churn").path

    /// Counted from Telco-Customer-Churn.csv: 1,869 of 7,043 customers churned (the data set's
    /// README gives the same 26.54 %); by contract 1,655 / 3,875, 166 / 1,473 and 48 / 1,695;
    /// by payment method 1,071 / 2,365, 308 / 1,612, 258 / 1,544 and 232 / 1,522; the churned
    /// customers' monthly charges sum to 139,130.85.
    @Test func theSnapshotRunsWithoutAPeriodAndMatchesTheCountedValues() throws {
        let outcome = try CLI.run([
            "run", "--workspace", Self.workspace, "--per", "company,contract,payment_method", "--format", "csv",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        var values: [String: String] = [:]
        for line in outcome.stdout.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(cells[0] == "2018-02-23")
            guard cells[7] == "ok" else { continue }
            values[cells[2] + "/" + cells[4]] = cells[5]
        }
        #expect(values["company/customers"] == "7043")
        #expect(Self.sixDecimals(values["company/churn_rate"], 1869.0 / 7043.0))
        #expect(values["company/revenue_at_risk"] == "139130.85")
        #expect(Self.sixDecimals(values["Month-to-month/contract_churn_rate"], 1655.0 / 3875.0))
        #expect(Self.sixDecimals(values["One year/contract_churn_rate"], 166.0 / 1473.0))
        #expect(Self.sixDecimals(values["Two year/contract_churn_rate"], 48.0 / 1695.0))
        #expect(values["Month-to-month/contract_customers"] == "3875")
        #expect(Self.sixDecimals(values["Electronic check/payment_churn_rate"], 1071.0 / 2365.0))
        #expect(Self.sixDecimals(values["Mailed check/payment_churn_rate"], 308.0 / 1612.0))
        #expect(Self.sixDecimals(values["Bank transfer (automatic)/payment_churn_rate"], 258.0 / 1544.0))
        #expect(Self.sixDecimals(values["Credit card (automatic)/payment_churn_rate"], 232.0 / 1522.0))
    }

    @Test func theTableIsHeadedWithTheAsOfDateAndTheGrainsTitles() throws {
        let outcome = try CLI.run(["run", "--workspace", Self.workspace, "--per", "contract"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("as of 2018-02-23 · contract\n"))
    }
}
