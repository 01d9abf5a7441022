import Foundation
import Testing
import YardstickTestSupport

/// `yardstick run` with failing indicators: exit code 1 and a grouped list on standard error,
/// whatever the output format.
@Suite struct RunFailureTests {
    /// The small workspace with one more indicator file, `indicators/bad.lua`, whose value
    /// function starts on line 2.
    static func workspace(bad body: String) throws -> TemporaryDirectory {
        let folder = try SmallWorkspace.create()
        let text = "return indicator { id = \"bad\", per = \"user\",\n  value = function(s, k)\n\(body)\n  end }\n"
        try folder.write(text, to: "indicators/bad.lua")
        return folder
    }

    static func run(_ folder: String, format: String) throws -> CommandOutcome {
        try CLI.run(["run", "--workspace", folder, "--period", "2026-10", "--format", format])
    }

    @Test(arguments: [
        ("return function() end", "function"), ("return {}", "table"), ("return true", "boolean"),
        (#"return "x""#, "string"),
    ])
    func valueOfTheWrongKindExitsOneAndIsListed(body: String, kind: String) throws {
        let temporary = try Self.workspace(bad: "    " + body)
        defer { withExtendedLifetime(temporary) {} }
        let folder = temporary.path
        for format in ["table", "csv", "json"] {
            let outcome = try Self.run(folder, format: format)
            #expect(outcome.status == 1, "\(format): \(outcome.stderr)")
            #expect(
                outcome.stderr
                    == "error: bad failed for 3 users in 2026-10: indicators/bad.lua:2: value returned a \(kind); "
                    + "return a number, a decimal or missing(reason)\n", "\(format)")
        }
    }

    @Test func sameErrorIsOneLineWithTheSubjectCount() throws {
        let temporary = try Self.workspace(bad: #"    error("no quota")"#)
        defer { withExtendedLifetime(temporary) {} }
        let folder = temporary.path
        let outcome = try CLI.run([
            "run", "--workspace", folder, "--period", "2026-10", "--per", "user,team", "--format", "csv",
        ])
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr == """
                error: bad failed for 3 users in 2026-10: indicators/bad.lua:3: no quota
                error: bad failed for 2 teams in 2026-10: indicators/bad.lua:3: no quota

                """)
    }

    @Test func tableOnATerminalLeavesTheErrorsToStandardErrorAndAFileKeepsThem() throws {
        let temporary = try Self.workspace(bad: #"    error("no quota")"#)
        defer { withExtendedLifetime(temporary) {} }
        let folder = temporary.path
        let line = "bad failed for 3 users in 2026-10: indicators/bad.lua:3: no quota"
        let printed = try Self.run(folder, format: "table")
        #expect(printed.status == 1)
        #expect(!printed.stdout.contains("no quota"))
        #expect(printed.stderr == "error: \(line)\n")
        let out = folder + "/out.txt"
        let written = try CLI.run([
            "run", "--workspace", folder, "--period", "2026-10", "--format", "table", "--out", out,
        ])
        #expect(written.status == 1)
        #expect(written.stderr == "error: \(line)\n")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.hasSuffix("Errors (3)\n  \(line)\n"))
    }

    @Test func endlessLoopFailsEveryUserWithOneLimitError() throws {
        let temporary = try Self.workspace(bad: "    while true do end")
        defer { withExtendedLifetime(temporary) {} }
        let folder = temporary.path
        let outcome = try CLI.run([
            "run", "--workspace", folder, "--period", "2026-10", "--format", "json", "--max-instructions", "100000",
        ])
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr
                == "error: bad failed for 3 users in 2026-10: indicators/bad.lua:3: script exceeded the instruction limit of 100000\n"
        )
    }

    @Test func hugeErrorMessageIsCutInEveryFormat() throws {
        let temporary = try Self.workspace(bad: #"    error(string.rep("x", 16 << 20))"#)
        defer { withExtendedLifetime(temporary) {} }
        let folder = temporary.path
        let cut = "indicators/bad.lua:3: " + String(repeating: "x", count: 4096 - 22) + " … (message cut at 4 KiB)"
        for format in ["table", "csv", "json"] {
            let outcome = try Self.run(folder, format: format)
            #expect(outcome.status == 1)
            #expect(outcome.stderr == "error: bad failed for 3 users in 2026-10: \(cut)\n", "\(format)")
            #expect(outcome.stdout.utf8.count < 64 << 10, "\(format): \(outcome.stdout.utf8.count) bytes")
        }
    }
}
