import Foundation
import LuaRuntime
import Testing

@testable import YardstickEngine

/// The prelude's Lua-side tests: each `Tests/Prelude/*_test.lua` file runs in a sandboxed VM
/// after the prelude's own parts (and `testing.lua`, its assertion library), with the
/// prelude's internals as `...`. Every failed Lua assertion is an issue at its `.lua` file
/// and line. No workspace is loaded: `__host.query` holds only `has_entity` (always false),
/// and a test file may put Lua fakes of the query functions in that table.
@Suite struct PreludeLuaTests {
    /// What one run of Lua test files reported.
    struct Report {
        /// The cases that passed, by name.
        var passed: [String] = []
        /// The cases that failed: name and message (`file:line: …` for an assertion).
        var failed: [(name: String, message: String)] = []
    }

    static let folder = LuaAPIDocumentTests.root + "/Tests/Prelude"

    /// The test files, by name.
    static let files: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { $0.hasSuffix("_test.lua") }.sorted()

    /// Runs Lua test chunks after the prelude; `sources` are (chunk name, text) pairs.
    static func run(_ sources: [(name: String, text: String)]) throws -> Report {
        try LuaThread.run { () throws -> Report in
            let vm = try LuaVM()
            var report = Report()
            try vm.register("has_entity", in: "query") { _ throws(HostError) in [.boolean(false)] }
            try vm.register("passed", in: "testing") { args throws(HostError) in
                report.passed.append(args.first?.stringValue ?? "?")
                return []
            }
            try vm.register("failed", in: "testing") { args throws(HostError) in
                let message = args.dropFirst().first?.stringValue ?? "(no message)"
                report.failed.append((args.first?.stringValue ?? "?", message))
                return []
            }
            let library = try String(contentsOfFile: folder + "/testing.lua", encoding: .utf8)
            var chunks = [try vm.loadTrusted(library, chunkName: "@Tests/Prelude/testing.lua")]
            for source in sources { chunks.append(try vm.loadTrusted(source.text, chunkName: source.name)) }
            _ = try Prelude.load(into: vm, appending: chunks)
            return report
        }
    }

    /// `file:line: message` → the Swift Testing location of that line.
    static func location(of message: String) -> SourceLocation? {
        guard let (chunk, line, _) = LuaError.splitLocation(message), chunk.hasPrefix("Tests/Prelude/") else {
            return nil
        }
        let path = LuaAPIDocumentTests.root + "/" + chunk
        return SourceLocation(fileID: "YardstickEngineTests/" + chunk, filePath: path, line: line, column: 1)
    }

    @Test func theLuaTestFilesAreFound() {
        #expect(Self.files.count >= 3, "no *_test.lua files in \(Self.folder)")
    }

    @Test(arguments: files) func luaTestFilePasses(_ file: String) throws {
        let text = try String(contentsOfFile: Self.folder + "/" + file, encoding: .utf8)
        let report = try Self.run([("@Tests/Prelude/" + file, text)])
        #expect(!report.passed.isEmpty || !report.failed.isEmpty, "\(file) ran no test case")
        for failure in report.failed {
            let comment = Comment(rawValue: "\(file): \(failure.name): \(failure.message)")
            if let location = Self.location(of: failure.message) {
                Issue.record(comment, sourceLocation: location)
            } else {
                Issue.record(comment)
            }
        }
    }

    @Test func aFailedLuaAssertionIsReportedAtItsFileAndLine() throws {
        let text = """
            local t = (...).testing
            t.case("passes", function() t.equal(1 + 1, 2) end)
            t.case("fails", function()
              t.same({ 1, 2 }, { 1, 3 }, "pairs")
            end)
            t.case("raises", function() error("boom") end)
            """
        let report = try Self.run([("@Tests/Prelude/inline_test.lua", text)])
        #expect(report.passed == ["passes"])
        #expect(report.failed.map(\.name) == ["fails", "raises"])
        #expect(
            report.failed.first?.message == "Tests/Prelude/inline_test.lua:4: pairs: expected { 1, 3 }, got { 1, 2 }")
        #expect(report.failed.last?.message == "Tests/Prelude/inline_test.lua:6: boom")
        let location = try #require(Self.location(of: report.failed[0].message))
        #expect(location.line == 4)
        #expect(location.fileName == "inline_test.lua")
    }

    @Test func preludeErrorsNameThePartFileAndLine() throws {
        // A runtime error inside a prelude part names that part's file and the line an editor
        // shows there: decimal_text compares its argument with 0 on the line below.
        let text = """
            local P = ...
            P.testing.case("located", function() P.decimal_text("x") end)
            """
        let report = try Self.run([("@Tests/Prelude/located_test.lua", text)])
        let message = try #require(report.failed.first?.message)
        let values = try #require(Prelude.parts.first { $0.file == "values.lua" })
        let lines = values.source.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("local sign = scaled < 0") }) + 1
        #expect(message.hasPrefix("yardstick/prelude/values.lua:\(line): attempt to compare"), "\(message)")
    }
}
