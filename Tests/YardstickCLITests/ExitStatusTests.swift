import Foundation
import Testing
import YardstickData

@testable import YardstickCLI

/// The one mapping from why a command stopped to its exit code.
@Suite struct ExitStatusTests {
    struct UnclassifiedError: Error {}

    /// Each error a command can stop on, the kind of step it was thrown from, and the kind and
    /// exit code it must end with.
    static let table:
        [(name: String, error: any Error, step: CommandFailure.Kind, kind: CommandFailure.Kind, code: Int32)] = [
            ("invalid workspace", WorkspaceError(message: "no yardstick.toml here"), .evaluation, .workspace, 2),
            ("failed load", LoadFailure(report: LoadReport()), .usage, .data, 2),
            ("usage mistake", CLIError("--per x: unknown grain"), .evaluation, .usage, 2),
            ("evaluation error", UnclassifiedError(), .evaluation, .evaluation, 2),
            ("unwritable output", CocoaError(.fileWriteNoPermission), .output, .output, 2),
            ("already classified", CommandFailure(.workspace, cause: UnclassifiedError()), .output, .workspace, 2),
            ("findings", CommandFailure.findings, .usage, .findings, 1),
        ]

    @Test(arguments: table.indices)
    func eachErrorEndsWithItsKindsExitCode(row: Int) {
        let entry = Self.table[row]
        let failure = CommandFailure(entry.error, otherwise: entry.step)
        #expect(failure.kind == entry.kind, "\(entry.name)")
        #expect(failure.exitStatus.rawValue == entry.code, "\(entry.name)")
        #expect(failure.exitStatus.exitCode.rawValue == entry.code, "\(entry.name)")
    }

    @Test func exitCodesAreTheDocumentedNumbers() {
        #expect(ExitStatus.success.rawValue == 0)
        #expect(ExitStatus.findings.rawValue == 1)
        #expect(ExitStatus.failure.rawValue == 2)
    }

    @Test func onlyFindingsEndWithOne() {
        for kind in CommandFailure.Kind.allCases {
            #expect((kind.exitStatus == .findings) == (kind == .findings), "\(kind)")
            #expect(kind.exitStatus != .success, "\(kind)")
        }
    }

    /// Commands end through ``CommandFailure``; only ``ExitStatus`` makes an exit code, so that
    /// the mapping stays in one place.
    @Test func noCommandMakesItsOwnExitCode() throws {
        let folder = CLI.root.appendingPathComponent("Sources/YardstickCLI")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(files.contains("ExitStatus.swift"))
        for file in files where file != "ExitStatus.swift" {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("ExitCode("), "\(file) makes its own exit code; throw a CommandFailure")
        }
    }

    @Test func findingsCarryNoMessageAndCausesKeepTheirText() {
        #expect(CommandFailure.findings.description.isEmpty)
        let usage = CommandFailure.usage("--rejects lists the rows --lenient skips; pass --lenient too")
        #expect(usage.kind == .usage)
        #expect(usage.description == "--rejects lists the rows --lenient skips; pass --lenient too")
        let workspace = CommandFailure(WorkspaceError(key: "workspace.locale", message: "bad"), otherwise: .output)
        #expect(workspace.description == "yardstick.toml: workspace.locale: bad")
    }
}

/// How the binary ends when a command stops early: one `error:` line and the mapped code.
@Suite struct CommandFailureCLITests {
    @Test func anUnwritableRejectsFileIsOneErrorLineAndExitsTwo() throws {
        let outcome = try CLI.run([
            "run", "--workspace", "examples/maven-sales", "--period", "2017-Q4", "--lenient", "--rejects",
            "/nonexistent-folder/rejects.csv",
        ])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(outcome.stderr)")
        #expect(
            lines.first?.hasPrefix("error: cannot write /nonexistent-folder/rejects.csv") == true, "\(outcome.stderr)")
    }

    @Test func aMissingWorkspaceIsOneErrorLineAndExitsTwo() throws {
        let missing = "/nonexistent-folder/workspace"
        let outcome = try CLI.run([
            "explain", "won_revenue", "--subject", "x", "--period", "2017-Q4", "--workspace", missing,
        ])
        #expect(outcome.status == 2)
        #expect(
            outcome.stderr
                == "error: \(missing)/yardstick.toml: no yardstick.toml here; run `yardstick init` to create a starter workspace\n"
        )
    }

    @Test func theParsersOwnUsageErrorsKeepTheirCode() throws {
        let outcome = try CLI.run(["run", "--no-such-option"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.hasPrefix("Error: Unknown option '--no-such-option'"), "\(outcome.stderr)")
    }
}
