import Foundation
import Testing

/// `run --format`: the ids of the report writer registry.
@Suite struct ReportFormatCLITests {
    @Test func anUnknownFormatIsRefusedListingTheKnownOnes() throws {
        let outcome = try CLI.run([
            "run", "--workspace", "examples/maven-sales", "--period", "2017-10", "--format", "xml",
        ])
        #expect(outcome.status == 64, "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        #expect(
            outcome.stderr.contains(
                "The value 'xml' is invalid for '--format <format>'. Please provide one of 'table', 'json', 'csv' or 'html'."
            ),
            "\(outcome.stderr)")
    }

    @Test(arguments: ["table", "json", "csv", "html"])
    func eachFormatWritesTheSameBytesToStandardOutputAndToOut(format: String) throws {
        let directory = try CLI.temporaryFolder()
        defer { withExtendedLifetime(directory) {} }
        let folder = directory.path
        let arguments = [
            "run", "--workspace", "examples/maven-sales", "--period", "2017-10", "--indicators", "won_deals,win_rate",
            "--format", format,
        ]
        let printed = try CLI.run(arguments)
        #expect(printed.status == 0, "\(printed.stderr)")
        let written = try CLI.run(arguments + ["--out", folder + "/report"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.isEmpty)
        let file = try String(contentsOfFile: folder + "/report", encoding: .utf8)
        // The JSON and the HTML page name the moment of their run; everything else is the same.
        func stable(_ text: String) -> [Substring] {
            text.split(separator: "\n", omittingEmptySubsequences: false).filter {
                !$0.contains("\"generated_at\"") && !$0.contains("<span>Generated ")
            }
        }
        #expect(stable(file) == stable(printed.stdout))
        #expect(file.hasSuffix("\n") && file.contains("Darcel Schlecht"))
    }
}
