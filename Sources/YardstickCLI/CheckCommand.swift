import ArgumentParser
import Foundation
import YardstickData
import YardstickEngine

/// `yardstick check`: validates a workspace and its data without running anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the workspace and its data without running any indicator.",
        discussion: """
            Reports files that cannot be loaded, missing mapped columns, bad values \
            (file:row:column (field)), references that name no row, duplicate ids, implausible \
            dates, rows breaking the vocabulary's field rules, and per entity the encoding of \
            each file, the rows, the date span and the completeness of each field.
            --rejects FILE lists every rejected row, as run --lenient --rejects does.
            Exit codes: 0 clean, 1 data problems found, 2 the workspace itself is invalid \
            (with --format json, a JSON object {"error": "…"} on standard output).
            """)

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: "Output format: table or json.")
    var format: ReportFormat = .table

    @Option(help: "Write every rejected row to this CSV file (file,row,column,field,value,message), atomically.")
    var rejects: String?

    func run() throws {
        let workspace: Workspace
        do {
            workspace = LanguageChoice.apply(
                to: try Workspace.open(directory: workspaceOptions.directory, sections: WorkspaceLoading.sections))
        } catch {
            throw failure(.workspace, error)
        }
        let (report, load) = WorkspaceChecker(workspace: workspace, opener: WorkspaceLoading.opener(for: workspace))
            .checkAndLoad(
                problemSampleSize: rejects == nil ? 20 : .max)
        if let rejects {
            do {
                try AtomicFile.write(RejectsFile.csv(load), to: rejects)
            } catch {
                throw failure(.output, error)
            }
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(report)
            print(String(decoding: data, as: UTF8.self))
        case .table:
            print(CheckRenderer.render(report))
        }
        if report.hasProblems { throw CommandFailure.findings }
    }

    /// A failure that stops the check before its report; with `--format json` the error is also
    /// written to standard output as `{"error": "…"}`, so that readers of the JSON see it.
    private func failure(_ kind: CommandFailure.Kind, _ error: any Error) -> CommandFailure {
        if format == .json { print(Self.errorJSON("\(error)")) }
        return CommandFailure(kind, cause: error)
    }

    /// `{"error": "…"}`, the JSON output of a check that could not start.
    static func errorJSON(_ message: String) -> String {
        let data = try? JSONSerialization.data(
            withJSONObject: ["error": message], options: [.sortedKeys, .withoutEscapingSlashes])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{\"error\":\"unknown error\"}"
    }
}
