import Foundation
import Testing

@testable import YardstickCLI

/// `run --format`: the ids of the report writer registry.
@Suite struct ReportFormatCLITests {
    @Test func anUnknownFormatIsRefusedListingTheKnownOnes() throws {
        let outcome = try CLI.run([
            "run", "--workspace", "examples/maven-sales", "--period", "2017-10", "--format", "xml",
        ])
        #expect(outcome.status == 64, "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        // Over five values, the argument parser lists them one per line.
        #expect(
            outcome.stderr.contains(
                "The value 'xml' is invalid for '--format <format>'. Please provide one of the following:\n"
                    + "  - table\n  - json\n  - csv\n  - html\n  - md\n  - xlsx"),
            "\(outcome.stderr)")
    }

    @Test(arguments: ["table", "json", "csv", "html", "md"])
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

    @Test func aWorkbookIsRefusedOnATerminalWithoutOutButWrittenToAFileOrAPipe() throws {
        #expect(throws: CommandFailure.self) {
            try BinaryOutput.check(formatID: "xlsx", isText: false, out: nil, stdoutIsTerminal: true)
        }
        try BinaryOutput.check(formatID: "xlsx", isText: false, out: "report.xlsx", stdoutIsTerminal: true)
        try BinaryOutput.check(formatID: "xlsx", isText: false, out: nil, stdoutIsTerminal: false)
        try BinaryOutput.check(formatID: "md", isText: true, out: nil, stdoutIsTerminal: true)
        for command in ["run", "score"] {
            let directory = try CLI.temporaryFolder()
            defer { withExtendedLifetime(directory) {} }
            let outcome = try CLI.run([
                command, "--workspace", "examples/maven-sales", "--period", "2017-10", "--format", "xlsx", "--out",
                directory.path + "/report.xlsx",
            ])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: directory.path + "/report.xlsx"))
            #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a zip archive")
        }
    }
}
