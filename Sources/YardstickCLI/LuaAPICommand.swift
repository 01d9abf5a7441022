import ArgumentParser
import YardstickEngine

/// `yardstick lua-api`: prints the indicator API reference (the source of docs/lua-api.md).
struct LuaAPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lua-api", abstract: "Print the Lua indicator API reference as Markdown.")

    func run() {
        print(LuaAPI.markdown(), terminator: "")
    }
}
