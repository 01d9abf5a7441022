import Foundation
import Testing

/// `score --format html` and `run --format html` on the maven-sales example: the page agrees with
/// the CSV of the same scoring (its rendering in Chromium is checked by scripts/html-check.sh).
@Suite struct HTMLReportCLITests {
    static let arguments = [
        "score", "--workspace", "examples/maven-sales", "--period", "2017-Q4", "--as-of", "2018-01-15",
    ]

    @Test func theScorePageHasACardAndALeaderboardRowPerScoredAgentWithTheCSVsTotals() throws {
        let directory = try CLI.temporaryFolder()
        defer { withExtendedLifetime(directory) {} }
        let page = try CLI.run(Self.arguments + ["--format", "html", "--out", directory.path + "/report.html"])
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.stdout.isEmpty)
        let html = try String(contentsOfFile: directory.path + "/report.html", encoding: .utf8)
        let csv = try CLI.run(Self.arguments + ["--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = try #require(lines.first).map(String.init)
        let kind = try #require(header.firstIndex(of: "row_kind"))
        let grain = try #require(header.firstIndex(of: "grain"))
        let subject = try #require(header.firstIndex(of: "subject_id"))
        let total = try #require(header.firstIndex(of: "total"))
        let totals = lines.dropFirst().filter { $0.count == header.count && $0[kind] == "total" && $0[grain] == "user" }
        #expect(totals.count == 35)
        #expect(html.components(separatedBy: "<article class=\"card\"").count - 1 == totals.count)
        #expect(html.components(separatedBy: "<details class=\"why\">").count - 1 == totals.count * 3)
        for row in totals {
            let id = String(row[subject])
            let value = try #require(Double(String(row[total])))
            let tenths = (value * 10).rounded(.toNearestOrAwayFromZero)
            let shown = String(format: "%.1f", tenths / 10)
            let cell = "<tr data-subject=\"\(id)\"><td class=\"num rank\">"
            let start = try #require(html.range(of: cell), "no leaderboard row for \(id)")
            let line = html[start.lowerBound...].prefix { $0 != "\n" }
            #expect(line.contains("<td class=\"num total\" data-status=\"ok\">\(shown)</td>"), "\(line)")
        }
        #expect(html.contains("<h1>Sales scorecard</h1>"))
        #expect(html.contains("<b class=\"workspace\">Maven CRM sales</b>"))
        #expect(!html.contains("http:") && !html.contains("https:"))
    }

    @Test func theRunPageHasOneTablePerGrain() throws {
        let outcome = try CLI.run([
            "run", "--workspace", "examples/maven-sales", "--period", "2017-Q4", "--per", "user,team",
            "--indicators", "won_deals,win_rate", "--format", "html",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.components(separatedBy: "<table class=\"results\">").count - 1 == 2)
        #expect(outcome.stdout.contains("<td>Darcel Schlecht</td>"))
    }
}
