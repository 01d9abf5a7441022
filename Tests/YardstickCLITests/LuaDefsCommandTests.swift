import Foundation
import Testing
import YardstickTestSupport

/// `yardstick lua-defs` writes the editor definitions with or without a workspace, to standard
/// output or atomically to a file; a workspace adds its custom fields.
@Suite struct LuaDefsCommandTests {
    static let bank = CLI.root.appendingPathComponent("examples/bank-call-center").path

    /// The lines of the block of `text` that starts with `first`, up to the next blank line.
    static func block(startingWith first: String, in text: String) throws -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: first), "no line \(first)")
        return Array(lines[start...].prefix { !$0.isEmpty })
    }

    @Test func writesTheDefinitionsWithoutAWorkspace() throws {
        let folder = try CLI.temporaryFolder()
        let outcome = try CLI.run(["lua-defs"], in: folder.url.path)
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "")
        #expect(outcome.stdout.hasPrefix("---@meta yardstick\n"))
        #expect(outcome.stdout.contains("\n---@class Yardstick.View.opportunities\n"))
        #expect(outcome.stdout.contains("\nfunction indicator(declaration) end\n"))
        #expect(outcome.stdout.contains("\nfunction kpi(id) end\n"))
        #expect(!outcome.stdout.contains("vru_seconds"))
    }

    @Test func outWritesTheSameTextToTheFileAndNothingToStandardOutput() throws {
        let folder = try CLI.temporaryFolder()
        let file = folder.url.appendingPathComponent("yardstick.lua").path
        let written = try CLI.run(["lua-defs", "--out", file])
        #expect(written.status == 0)
        #expect(written.stdout == "")
        let printed = try CLI.run(["lua-defs"])
        #expect(try String(contentsOfFile: file, encoding: .utf8) == printed.stdout)
    }

    /// luacheck (Debian's lua-check, which scripts/setup.sh installs) parses the file with a
    /// parser of its own: a syntax error is reported even under the file's `luacheck: ignore`.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/luacheck")))
    func theWrittenFileParsesWithLuacheck() throws {
        let folder = try CLI.temporaryFolder()
        let file = folder.url.appendingPathComponent("yardstick.lua").path
        #expect(try CLI.run(["lua-defs", "--workspace", Self.bank, "--out", file]).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/luacheck")
        process.arguments = ["--no-config", "--no-color", "--std", "lua54", file]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func aWorkspaceAddsItsCustomFieldsWithTheirTypes() throws {
        let outcome = try CLI.run(["lua-defs", "--workspace", Self.bank])
        #expect(outcome.status == 0)
        let row = try Self.block(startingWith: "---@class Yardstick.Row.calls", in: outcome.stdout)
        #expect(
            row.contains("---@field vru_seconds? integer Seconds in the VRU (25 are negative: clock skew) (integer)"))
        #expect(row.contains("---@field entered_at? Yardstick.DateTime When the call entered the VRU (datetime)"))
        #expect(
            row.contains(
                "---@field priority? \"unidentified\"|\"regular\"|\"priority\" Caller class "
                    + "(enum(unidentified, regular, priority))"))
        let dates = try Self.block(startingWith: "---@alias Yardstick.DateField.calls", in: outcome.stdout)
        #expect(dates.contains("---| \"entered_at\" # datetime — When the call entered the VRU"))
    }

    @Test func aFolderWithoutAWorkspaceFileIsAWorkspaceError() throws {
        let folder = try CLI.temporaryFolder()
        let outcome = try CLI.run(["lua-defs", "--workspace", folder.url.path])
        #expect(outcome.status == 2)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.contains("yardstick.toml"))
    }

    @Test func anUnwritableOutIsAnOutputError() throws {
        let folder = try CLI.temporaryFolder()
        let file = folder.url.appendingPathComponent("missing-folder/yardstick.lua").path
        let outcome = try CLI.run(["lua-defs", "--out", file])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("missing-folder"))
        #expect(!FileManager.default.fileExists(atPath: file))
    }
}
