import ArgumentParser
import Foundation
import YardstickData
import YardstickEngine
import YardstickScorecard

/// `yardstick lua-defs`: writes the lua-language-server definitions of the indicator API, the
/// vocabulary and the model-file DSL (docs/editor-setup.md).
struct LuaDefsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lua-defs",
        abstract: "Write lua-language-server definitions (---@meta) of the Lua API and the vocabulary.",
        discussion: """
            Without --workspace the definitions cover the CRM vocabulary; with it, also the \
            workspace's custom fields, custom entities and declared subjects. Point \
            lua-language-server's workspace.library at the file (docs/editor-setup.md).
            """)

    @Option(
        help: ArgumentHelp(
            "The workspace whose custom fields and entities to include (default: the vocabulary alone).",
            valueName: "dir"))
    var workspace: String?

    @Option(help: "Write the definitions to this file (atomically) instead of standard output.")
    var out: String?

    func run() throws {
        var definitions = LuaDefinitions()
        if let workspace {
            let directory = URL(
                fileURLWithPath: workspace, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            ).standardizedFileURL.path
            do {
                definitions = LuaDefinitions(
                    workspace: try Workspace.open(directory: directory, sections: WorkspaceLoading.sections))
            } catch {
                throw CommandFailure(.workspace, cause: error)
            }
        }
        definitions.extensions = [ModelAPI.definitions]
        let text = definitions.text()
        guard let out else {
            print(text, terminator: "")
            return
        }
        do {
            try AtomicFile.write(text, to: out)
        } catch {
            throw CommandFailure(error, otherwise: .output)
        }
    }
}
