import Foundation
import Testing
import YardstickTestSupport

@testable import YardstickData

/// Whitespace-aligned and fixed-width text files, read as they are shipped.
@Suite struct AlignedTextTests {
    /// The first 20 transactions of CDNOW's `CDNOW_master.txt`, byte for byte (Tests/Fixtures).
    static let cdnowHead: [UInt8] = Array(
        FileManager.default.contents(atPath: RepositoryRoot.path + "/Tests/Fixtures/CDNOW_master_head.txt") ?? Data())

    static let purchases = """
        [entities.purchases]
        file = "CDNOW_master.txt"
        format = "whitespace"
        [entities.purchases.formats]
        date = "%Y%m%d"
        [entities.purchases.custom]
        customer = { column = "customer_id", type = "string" }
        purchased_on = { column = "date", type = "date" }
        cds = { column = "number_of_cds", type = "integer" }
        dollars = { column = "dollar_value", type = "decimal" }

        """

    @Test func cdnowMasterLoadsAsShippedWithLeadingSpacesPaddingAndCRLF() throws {
        #expect(Self.cdnowHead.count > 400)
        #expect(Self.cdnowHead.starts(with: Array(" customer_id  date".utf8)))
        let workspace = try TemporaryWorkspace(toml: Self.purchases, files: ["CDNOW_master.txt": Self.cdnowHead])
        let (dataset, report) = try workspace.load()
        let purchases = try #require(dataset["purchases"])
        #expect(purchases.rowCount == 20)
        #expect(report.entities["purchases"]?.unusedColumns.isEmpty == true)
        #expect(purchases["customer"]?.value(at: 0) == .string("00001"))
        #expect(purchases["purchased_on"]?.value(at: 1) == .date(CivilDate.dayNumber(year: 1997, month: 1, day: 12)))
        #expect(purchases["dollars"]?.value(at: 1) == .decimal(ExactDecimal(12)))
        let cds = try #require(purchases["cds"])
        #expect(
            (0..<20).reduce(Int64(0)) { total, row in
                if case .integer(let count) = cds.value(at: row) { return total + count }
                return total
            } == 46)
    }

    @Test func aWhitespaceRowWithAMissingCellIsRejectedWithItsLine() throws {
        let workspace = try TemporaryWorkspace(
            toml: Self.purchases,
            text: [
                "CDNOW_master.txt":
                    " customer_id date number_of_cds dollar_value\r\n 00001 19970101 1 11.77\r\n\r\n 00002 19970112 12.00\r\n"
            ])
        let (dataset, report) = try workspace.load(lenient: true)
        #expect(dataset["purchases"]?.rowCount == 1)
        #expect(
            report.entities["purchases"]?.problems.map(\.description) == [
                "data/CDNOW_master.txt:4: expected 4 fields as in the header, found 3"
            ])
    }

    @Test func aNulByteMakesTheFileAnErrorNamingItsLine() throws {
        let workspace = try TemporaryWorkspace(
            toml: Self.purchases,
            files: [
                "CDNOW_master.txt": Array(
                    " customer_id date number_of_cds dollar_value\n 00001 19970101 1 11.77\n".utf8)
                    + Array(" 00002 199".utf8) + [0] + Array("70112 1 12.00\n".utf8)
            ])
        let (_, report) = try workspace.loadAll()
        #expect(
            report.entities["purchases"]?.fileErrors.map(\.description) == [
                "data/CDNOW_master.txt:3: a NUL byte at character 11: this is not a text file"
            ])
    }

    @Test func fixedWidthColumnsAreCutByCharactersAndNamedWhenTheFileHasNoHeader() throws {
        let toml = """
            [entities.users]
            file = "users.txt"
            format = "fixed"
            widths = [4, 10, 6]
            column_names = ["id", "name", "team"]

            """
        let workspace = try TemporaryWorkspace(
            toml: toml, text: ["users.txt": "u1  Ann Lee   north\nu2  王芳        south\nu3  Cy\n"])
        let (dataset, _) = try workspace.load()
        let users = try #require(dataset["users"])
        #expect(users.rowCount == 3)
        #expect(users["name"]?.value(at: 1) == .string("王芳"))
        #expect(users["team"]?.value(at: 1) == .string("south"))
        #expect(users["team"]?.value(at: 2) == .null)
        #expect(users.row(forKey: "u3") == 2)
    }

    @Test func fixedWidthFilesReadTheirHeaderTheSameWay() throws {
        let toml = "[entities.users]\nfile = \"users.txt\"\nformat = \"fixed\"\nwidths = [4, 8]\n"
        let workspace = try TemporaryWorkspace(toml: toml, text: ["users.txt": "id  name\nu1  Ann Lee\n"])
        let (dataset, _) = try workspace.load()
        #expect(dataset["users"]?["name"]?.value(at: 0) == .string("Ann Lee"))
    }

    @Test(arguments: [
        (
            "format = \"fixed\"",
            "yardstick.toml: entities.users.widths: a fixed-width file lists its column widths: widths = [6, 9, 3, 8]"
        ),
        (
            "format = \"whitespace\"\nwidths = [3]",
            "yardstick.toml: entities.users.widths: widths apply to format = \"fixed\" only"
        ),
        (
            "format = \"fixed\"\nwidths = [3, 0]",
            "yardstick.toml: entities.users.widths: widths are whole numbers of characters, 1 or more"
        ),
        (
            "format = \"fixed\"\nwidths = [3, 4]\ncolumn_names = [\"id\"]",
            "yardstick.toml: entities.users.column_names: 1 column names for 2 widths"
        ),
        (
            "column_names = [\"id\"]",
            "yardstick.toml: entities.users.column_names: column_names apply to whitespace and fixed files only"
        ),
        (
            "format = \"xlsx\"",
            "yardstick.toml: entities.users.format: format must be csv, json, ndjson, whitespace or fixed"
        ),
    ])
    func layoutMistakesAreWorkspaceErrors(lines: String, message: String) throws {
        let workspace = try TemporaryWorkspace(toml: "[entities.users]\nfile = \"u.txt\"\n\(lines)\n")
        do {
            _ = try workspace.open()
            Issue.record("expected a workspace error")
        } catch {
            #expect("\(error)" == message)
        }
    }
}
