import ArgumentParser
import Foundation

/// The `yardstick` command line: evaluates sales, service and marketing performance from CRM
/// data with indicators written in Lua.
@main
struct YardstickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yardstick",
        abstract: "Evaluate sales, service and marketing performance from CRM data.",
        subcommands: [
            RunCommand.self, ExplainCommand.self, CheckCommand.self, InitCommand.self, VocabularyCommand.self,
            LuaAPICommand.self,
        ])
}

/// The workspace option shared by the commands that read a workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: "The workspace folder (holding yardstick.toml).")
    var workspace: String = "."

    /// The workspace folder as an absolute, standardised path.
    var directory: String {
        let url = URL(
            fileURLWithPath: workspace, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return url.standardizedFileURL.path
    }
}

/// Output formats for reports.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
