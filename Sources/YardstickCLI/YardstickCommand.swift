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
            RunCommand.self, ScoreCommand.self, AlertsCommand.self, ExplainCommand.self, CompareModelsCommand.self,
            CheckCommand.self, InitCommand.self, VocabularyCommand.self, LuaAPICommand.self,
            LuaDefsCommand.self, PluginsCommand.self, LockCommand.self, HistoryCommand.self,
        ])

    /// Parses the command line and runs the command; the one place where a command's
    /// ``CommandFailure`` becomes a message and an exit status.
    static func main() {
        LanguageChoice.start()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            failure.report()
            exit(withError: failure.exitStatus.exitCode)
        } catch {
            // Help, version and the parser's own usage errors, and anything unexpected.
            exit(withError: error)
        }
    }
}
