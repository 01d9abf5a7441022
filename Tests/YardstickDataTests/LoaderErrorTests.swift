import Testing

@testable import YardstickData

/// Each kind of bad input is rejected with `file:row:column (field): expected…, found…`.
@Suite struct LoaderErrorTests {
    static let toml = """
        [sources.data]
        path = "data"
        [entities.opportunities]
        file = "deals.csv"
        [entities.opportunities.fields]
        id = "Deal ID"
        amount = "Value"
        closed_at = { column = "Closed", format = "%d/%m/%Y" }
        stage = { column = "Stage", map = { "Closed Won" = "won", "Closed Lost" = "lost" } }
        [entities.opportunities.custom]
        seats = { column = "Seats", type = "integer" }
        strategic = { column = "Strategic", type = "boolean" }
        """

    static let header = "Deal ID,Value,Closed,Stage,Seats,Strategic\n"

    func firstProblem(_ row: String) throws -> String? {
        let workspace = try TemporaryWorkspace(toml: Self.toml, text: ["deals.csv": Self.header + row + "\n"])
        let (_, report) = try workspace.load(lenient: true)
        return report.entities["opportunities"]?.problems.first?.description
    }

    @Test func aGoodRowLoads() throws {
        #expect(try firstProblem("D1,12.50,31/10/2026,Closed Won,3,yes") == nil)
    }

    @Test(arguments: [
        (
            "D1,12.5.0,31/10/2026,Closed Won,3,yes",
            "data/deals.csv:2:Value (amount): expected a decimal number (at most 4 decimal places), found \"12.5.0\""
        ),
        (
            "D1,12,2026-10-31,Closed Won,3,yes",
            "data/deals.csv:2:Closed (closed_at): expected a date (%d/%m/%Y), found \"2026-10-31\""
        ),
        (
            "D1,12,31/10/2026,Won-ish,3,yes",
            "data/deals.csv:2:Stage (stage): expected one of prospecting, qualification, proposal, "
                + "negotiation, won, lost (or map it in yardstick.toml), found \"Won-ish\""
        ),
        (
            "D1,12,31/10/2026,Closed Won,three,yes",
            "data/deals.csv:2:Seats (seats): expected a whole number, found \"three\""
        ),
        (
            "D1,12,31/10/2026,Closed Won,3,maybe",
            "data/deals.csv:2:Strategic (strategic): expected true or false "
                + "(true, yes, y, 1, t, 是, false, no, n, 0, f, 否), found \"maybe\""
        ),
        (
            ",12,31/10/2026,Closed Won,3,yes",
            "data/deals.csv:2:Deal ID (id): required field is empty"
        ),
        (
            "D1,12,31/10/2026,Closed Won,3",
            "data/deals.csv:2: expected 6 fields as in the header, found 5"
        ),
    ])
    func badValuesAreReportedWithTheirPlace(row: String, message: String) throws {
        #expect(try firstProblem(row) == message)
    }

    @Test func strictLoadFailsListingProblemsAndTheCount() throws {
        let rows = (1...25).map { "D\($0),x,31/10/2026,Closed Won,1,no" }.joined(separator: "\n")
        let workspace = try TemporaryWorkspace(
            toml: Self.toml, text: ["deals.csv": Self.header + "D0,1,31/10/2026,Closed Won,1,no\n" + rows])
        #expect {
            _ = try workspace.load()
        } throws: { error in
            guard let failure = error as? LoadFailure else { return false }
            let text = failure.description
            return text.hasPrefix("data/deals.csv:3:Value (amount): expected a decimal number")
                && text.contains("… and 5 more bad rows in opportunities")
                && text.hasSuffix(
                    "25 bad rows; nothing was loaded. Fix the data or the mapping, or pass --lenient to load the good rows."
                )
        }
    }

    @Test func lenientLoadKeepsGoodRowsAndCountsEverySkippedOne() throws {
        let workspace = try TemporaryWorkspace(
            toml: Self.toml,
            text: [
                "deals.csv": Self.header
                    + "D1,1,31/10/2026,Closed Won,1,no\nD2,bad,31/10/2026,Closed Won,1,no\n"
                    + "D3,3,01/11/2026,Closed Lost,,\n"
            ])
        let (dataset, report) = try workspace.load(lenient: true)
        let table = try #require(dataset["opportunities"])
        #expect(table.rowCount == 2)
        #expect(table.key(ofRow: 1) == "D3")
        #expect(table["seats"]?.value(at: 1) == .null)
        #expect(table["stage"]?.value(at: 1) == .string("lost"))
        #expect(report.entities["opportunities"]?.rejectedRows == 1)
    }

    @Test func missingMappedColumnIsAFileError() throws {
        let workspace = try TemporaryWorkspace(
            toml: Self.toml, text: ["deals.csv": "Deal ID,Amount\nD1,1\n"])
        let (dataset, report) = try workspace.loadAll()
        let columns = "(columns: Deal ID, Amount)"
        #expect(
            report.entities["opportunities"]?.fileErrors.map(\.description) == [
                "data/deals.csv:Stage (stage): no column \"Stage\" in this file \(columns)",
                "data/deals.csv:Value (amount): no column \"Value\" in this file \(columns)",
                "data/deals.csv:Closed (closed_at): no column \"Closed\" in this file \(columns)",
                "data/deals.csv:Seats (seats): no column \"Seats\" in this file \(columns)",
                "data/deals.csv:Strategic (strategic): no column \"Strategic\" in this file \(columns)",
            ])
        #expect(dataset["opportunities"]?.rowCount == 0)
    }

    @Test func missingFileIsAFileError() throws {
        let workspace = try TemporaryWorkspace(toml: Self.toml)
        let (_, report) = try workspace.loadAll()
        #expect(report.entities["opportunities"]?.fileErrors.map(\.description) == ["data/deals.csv: file not found"])
    }
}
