import Foundation
import Testing
import YardstickData
import YardstickTestSupport

/// The command line, run as a separate process against the example and small workspaces.
@Suite struct CLITests {
    static let csvHeader = "period,grain,subject_id,subject_name,indicator,value,unit,status"

    @Test func binaryIsBuiltNextToTheTests() throws {
        let binary = try CLI.binary()
        #expect(FileManager.default.isExecutableFile(atPath: binary.path))
    }

    // MARK: check

    @Test func checkOfMavenReportsUnresolvedProductsAndExitsOne() throws {
        let outcome = try CLI.run(["check", "--workspace", "examples/maven-sales"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("1480 values of product name no products row"))
    }

    @Test func checkAsJSONListsSevenEntities() throws {
        let outcome = try CLI.run(["check", "--workspace", "examples/maven-sales", "--format", "json"])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
        let entities = (object as? [String: Any])?["entities"] as? [[String: Any]]
        #expect(entities?.count == 7)
        #expect(
            Set(entities?.compactMap { $0["entity"] as? String } ?? [])
                == ["teams", "users", "accounts", "products", "opportunities", "surveys", "quotas"])
    }

    @Test func unknownWorkspaceExitsTwo() throws {
        let missing = NSTemporaryDirectory() + "no-such-workspace-" + UUID().uuidString
        for command in [["check"], ["run", "--period", "2017-Q4"]] {
            let outcome = try CLI.run(command + ["--workspace", missing])
            #expect(outcome.status == 2, "\(command): \(outcome.stderr)")
            #expect(outcome.stderr.contains("error:"), "\(outcome.stderr)")
            #expect(outcome.stdout.isEmpty)
        }
    }

    // MARK: run

    @Test func runAsCSVHasTheHeaderAndDarcelsWonRevenue() throws {
        let outcome = try CLI.run([
            "run", "--workspace", "examples/maven-sales", "--period", "2017-Q4", "--format", "csv",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == Self.csvHeader)
        #expect(lines.contains("2017-Q4,user,Darcel Schlecht,Darcel Schlecht,won_revenue,357666,money,ok"))
    }

    @Test func invalidPeriodExitsTwoNamingTheAcceptedForms() throws {
        let outcome = try CLI.run(["run", "--workspace", "examples/maven-sales", "--period", "2017-13"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("2017-13"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("the month must be 01 to 12"), "\(outcome.stderr)")
        let forms = [
            "Accepted forms:", "2026-10 (month)", "2026-Q3 (quarter)", "2026-H1 (half)", "2026 (year)",
            "2026-W05 (week)", "2026-10-31 (day)", "FY2026", "2026-01-01..2026-03-31 (dates)",
        ]
        for form in forms {
            #expect(outcome.stderr.contains(form), "\(outcome.stderr)")
        }
    }

    @Test func outWritesOnlyTheFile() throws {
        let temporary = try CLI.temporaryFolder()
        defer { withExtendedLifetime(temporary) {} }
        let folder = temporary.path
        let file = folder + "/report.csv"
        let outcome = try CLI.run([
            "run", "--workspace", "examples/maven-sales", "--period", "2017-10", "--format", "csv", "--out", file,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.csv"])
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix(Self.csvHeader + "\n"))
        #expect(text.contains("2017-10,user,"))
    }

    @Test func tableColumnsAlignWithAChineseUserName() throws {
        let temporary = try SmallWorkspace.create()
        defer { withExtendedLifetime(temporary) {} }
        let folder = temporary.path
        let outcome = try CLI.run([
            "run", "--workspace", folder, "--period", "2026-10", "--per", "user,team", "--format", "table",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("王芳"))
        let sections = outcome.stdout.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        #expect(sections.count == 2, "\(outcome.stdout)")
        for section in sections {
            let lines = section.split(separator: "\n").map(String.init)
            let table = lines.dropFirst()  // the heading, `2026-10 · user`
            #expect(table.count >= 3, "\(section)")
            let widths = Set(table.map { DisplayWidth.of($0) })
            #expect(widths.count == 1, "widths \(table.map { DisplayWidth.of($0) }) in\n\(section)")
        }
    }

    // MARK: explain

    @Test func explainShowsTheValueAndTheQueryInWords() throws {
        let outcome = try CLI.run([
            "explain", "won_revenue", "--workspace", "examples/maven-sales", "--subject", "Darcel Schlecht",
            "--period", "2017-Q4",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("357666"), "\(outcome.stdout)")
        let queryLines = outcome.stdout.split(separator: "\n").filter { $0.contains("closed_at falls in the period") }
        #expect(!queryLines.isEmpty, "\(outcome.stdout)")
    }

    // MARK: init

    @Test func aFreshStarterWorkspaceChecksCleanAndRunsItsSampleIndicator() throws {
        let temporary = try CLI.temporaryFolder()
        defer { withExtendedLifetime(temporary) {} }
        let parent = temporary.path
        let folder = parent + "/starter"
        let created = try CLI.run(["init", folder])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Created"))
        for file in ["yardstick.toml", "data/users.csv", "data/opportunities.csv", "indicators/won_revenue.lua"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/" + file), "\(file)")
        }
        let checked = try CLI.run(["check", "--workspace", folder])
        #expect(checked.status == 0, "\(checked.stdout)\n\(checked.stderr)")
        #expect(checked.stdout.contains("No problems found"), "\(checked.stdout)")
        let run = try CLI.run(["run", "--workspace", folder, "--period", "2026-Q3", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2026-Q3,user,u1,Ann Lee,won_revenue,1200.5,money,ok"), "\(run.stdout)")
        #expect(run.stdout.contains("2026-Q3,user,u2,Bo Chen,won_revenue,800,money,ok"), "\(run.stdout)")
    }

    @Test func theStarterServiceAndMarketingMappingsAreValidOnceUncommented() throws {
        let temporary = try CLI.temporaryFolder()
        defer { withExtendedLifetime(temporary) {} }
        let folder = temporary.path
        #expect(try CLI.run(["init", folder]).status == 0)
        let path = folder + "/yardstick.toml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let sections = try #require(text.range(of: "# --- Service"))
        // Uncomment every mapping line after the service heading ("# [entities…", "# id = …").
        let rest = text[sections.lowerBound...].split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("# [") || line.range(of: #"^# [a-z_]+ = "#, options: .regularExpression) != nil
                ? String(line.dropFirst(2)) : String(line)
        }
        let uncommented = String(text[..<sections.lowerBound]) + rest.joined(separator: "\n")
        #expect(uncommented.contains("\n[entities.calls]\n"))
        #expect(uncommented.contains("\n[entities.campaign_members]\n"))
        try Data(uncommented.utf8).write(to: URL(fileURLWithPath: path))
        let checked = try CLI.run(["check", "--workspace", folder])
        // A valid workspace whose service and marketing files are not there: exit 1, not 2.
        #expect(checked.status == 1, "\(checked.stdout)\n\(checked.stderr)")
        #expect(checked.stdout.contains("! unreadable_file: data/calls.csv: file not found"), "\(checked.stdout)")
        #expect(checked.stdout.contains("! unreadable_file: data/tickets.csv: file not found"), "\(checked.stdout)")
        #expect(checked.stdout.contains("! unreadable_file: data/campaigns.csv: file not found"), "\(checked.stdout)")
    }

    @Test func initTwiceExitsTwoWithoutOverwriting() throws {
        let temporary = try CLI.temporaryFolder()
        defer { withExtendedLifetime(temporary) {} }
        let folder = temporary.path
        #expect(try CLI.run(["init", folder]).status == 0)
        let before = try String(contentsOfFile: folder + "/yardstick.toml", encoding: .utf8)
        let again = try CLI.run(["init", folder, "--name", "Other"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"), "\(again.stderr)")
        #expect(try String(contentsOfFile: folder + "/yardstick.toml", encoding: .utf8) == before)
    }

    // MARK: the Maven example against independent expected values

    @Test(arguments: ["2017-Q4", "2017-10"])
    func mavenRunMatchesIndependentExpectedValues(period: String) throws {
        let outcome = try CLI.run([
            "run", "--workspace", "examples/maven-sales", "--period", period, "--per", "user,team,department,company",
            "--format", "csv",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let expectedText = try String(
            contentsOfFile: CLI.maven + "/expected/run-\(period).csv", encoding: .utf8)
        let actual = try ExpectedCSV.rows(outcome.stdout)
        let expected = try ExpectedCSV.rows(expectedText)
        #expect(actual.count == expected.count)
        #expect(Set(actual.keys) == Set(expected.keys), "rows differ")
        var mismatches: [String] = []
        for (key, want) in expected.sorted(by: { $0.key < $1.key }) {
            guard let got = actual[key] else { continue }
            let indicator = String(key.split(separator: ",").last ?? "")
            if !ExpectedCSV.matches(got, want, indicator: indicator) {
                mismatches.append("\(key): got \(got), expected \(want)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.prefix(20).joined(separator: "\n"))")
    }
}
