import Foundation
import Testing
import YardstickTestSupport

/// `run --lenient` names every skipped row (stderr or `--rejects`), fails on files it cannot
/// load, and `check` reports in JSON even when it cannot start.
@Suite struct LenientLoadingCLITests {
    static let header = "id,owner,stage,amount,created_at,closed_at\n"
    static let goodRows = "o1,u1,won,100,2026-09-01,2026-10-05\no2,u1,won,200,2026-09-15,2026-10-20\n"

    /// The small workspace with this opportunities file.
    func workspace(opportunities: String) throws -> TemporaryDirectory {
        let folder = try SmallWorkspace.create()
        try folder.write(opportunities, to: "data/opportunities.csv")
        return folder
    }

    @Test func lenientRunNamesEachSkippedRowOnStandardError() throws {
        let temporary = try workspace(
            opportunities: Self.header + Self.goodRows + "o3,u1,won,lots,2026-09-01,2026-10-06\n"
                + "o4,u1,won\n")
        defer { withExtendedLifetime(temporary) {} }
        let folder = temporary.path
        let outcome = try CLI.run(["run", "--workspace", folder, "--period", "2026-10", "--format", "csv", "--lenient"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(
            outcome.stderr == """
                skipped: data/opportunities.csv:4:amount: expected a decimal number (at most 4 decimal places), found "lots"
                skipped: data/opportunities.csv:5: expected 6 fields as in the header, found 3
                warning: 2 bad rows were skipped

                """)
        #expect(outcome.stdout.contains("2026-10,user,u1,Ann,won_revenue,300,money,ok"), "\(outcome.stdout)")
    }

    @Test func rejectsFileListsTheSkippedRows() throws {
        let temporary = try workspace(
            opportunities: Self.header + Self.goodRows + "o3,u1,won,\"1,5\",2026-09-01,2026-10-06\n")
        defer { withExtendedLifetime(temporary) {} }
        let folder = temporary.path
        let rejects = folder + "/rejects.csv"
        let outcome = try CLI.run([
            "run", "--workspace", folder, "--period", "2026-10", "--format", "csv", "--lenient", "--rejects", rejects,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr == "warning: 1 bad row was skipped; listed in \(rejects)\n")
        #expect(
            try String(contentsOfFile: rejects, encoding: .utf8) == "file,row,column,field,value,message\n"
                + #"data/opportunities.csv,4,amount,amount,"1,5","expected a decimal number (at most 4 decimal places), found ""1,5""""#
                + "\n")
    }

    @Test func checkWritesTheSameRejectsFileAsRun() throws {
        let rows = (3...30).map { "o\($0),u1,won,bad\($0),2026-09-01,2026-10-06\n" }.joined()
        let temporary = try workspace(opportunities: Self.header + Self.goodRows + rows)
        defer { withExtendedLifetime(temporary) {} }
        let folder = temporary.path
        let fromRun = folder + "/run.csv"
        let fromCheck = folder + "/check.csv"
        let run = try CLI.run([
            "run", "--workspace", folder, "--period", "2026-10", "--lenient", "--rejects", fromRun,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let check = try CLI.run(["check", "--workspace", folder, "--rejects", fromCheck])
        #expect(check.status == 1, "\(check.stderr)")
        let text = try String(contentsOfFile: fromCheck, encoding: .utf8)
        #expect(text == (try String(contentsOfFile: fromRun, encoding: .utf8)))
        #expect(text.split(separator: "\n").count == 29)
    }

    @Test func rejectsWithoutLenientIsAUsageError() throws {
        let temporary = try workspace(opportunities: Self.header + Self.goodRows)
        defer { withExtendedLifetime(temporary) {} }
        let folder = temporary.path
        let outcome = try CLI.run(["run", "--workspace", folder, "--period", "2026-10", "--rejects", folder + "/r.csv"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "error: --rejects lists the rows --lenient skips; pass --lenient too\n")
    }

    @Test func lenientRunFailsOnAFileItCannotLoad() throws {
        let temporary = try workspace(
            opportunities: Self.header + Self.goodRows + "o3,u1,\"won,1,2026-09-01,2026-10-06\n")
        defer { withExtendedLifetime(temporary) {} }
        let folder = temporary.path
        let outcome = try CLI.run(["run", "--workspace", folder, "--period", "2026-10", "--lenient"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(
            outcome.stderr == """
                error: data/opportunities.csv:4: a quoted field opened on line 4 is never closed
                1 file could not be loaded; nothing was loaded. Fix the file or the mapping (--lenient skips bad rows, never whole files).

                """)
    }

    @Test func checkWithDuplicateIdsOfRejectedRowsExitsOneWithoutCrashing() throws {
        let temporary = try workspace(
            opportunities: Self.header + "o1,u1,won,x,2026-09-01,2026-10-05\no1,u1,won,y,2026-09-01,2026-10-05\n")
        defer { withExtendedLifetime(temporary) {} }
        let folder = temporary.path
        let outcome = try CLI.run(["check", "--workspace", folder])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("! bad_values: 2 rows rejected"), "\(outcome.stdout)")
        #expect(!outcome.stdout.contains("duplicate_ids"))
    }

    @Test func checkShowsEncodingsRulesAndNoCompletenessForEmptyTables() throws {
        let temporary = try workspace(opportunities: Self.header + "o1,u1,won,5,2026-10-09,2026-10-05\n")
        defer { withExtendedLifetime(temporary) {} }
        let folder = temporary.path
        try Data("id,name,parent,kind\n".utf8).write(to: URL(fileURLWithPath: folder + "/data/teams.csv"))
        let outcome = try CLI.run(["check", "--workspace", folder])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("opportunities — data/opportunities.csv (utf-8)"), "\(outcome.stdout)")
        #expect(
            outcome.stdout.contains(
                "! rule_violation closed_at: 1 row breaks the rule closed_at ≥ created_at — e.g. "
                    + "data/opportunities.csv:2: closed_at 2026-10-05 is before created_at 2026-10-09"),
            "\(outcome.stdout)")
        let teams = outcome.stdout.components(separatedBy: "\n\n").first { $0.hasPrefix("teams —") } ?? ""
        #expect(teams.contains("—"), "\(teams)")
        #expect(!teams.contains("%"), "\(teams)")
    }

    @Test func explainShowsControlCharactersEscaped() throws {
        let temporary = try workspace(opportunities: Self.header + "o\u{1B}[31m1,u1,won,100,2026-09-01,2026-10-05\n")
        defer { withExtendedLifetime(temporary) {} }
        let folder = temporary.path
        let outcome = try CLI.run([
            "explain", "won_revenue", "--workspace", folder, "--subject", "u1", "--period", "2026-10",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("o\\u{1B}[31m1"), "\(outcome.stdout)")
        #expect(!outcome.stdout.contains("\u{1B}"))
    }

    @Test func checkAsJSONPrintsAnErrorObjectWhenItExitsTwo() throws {
        let missing = NSTemporaryDirectory() + "no-such-workspace-" + UUID().uuidString
        let outcome = try CLI.run(["check", "--workspace", missing, "--format", "json"])
        #expect(outcome.status == 2)
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: String]
        let message = try #require(object?["error"])
        #expect(outcome.stderr == "error: \(message)\n")
        #expect(message.contains(missing), "\(message)")
    }
}
