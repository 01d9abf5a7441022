import Foundation
import Testing
import YardstickTestSupport

@testable import YardstickPacks

@Suite struct PackToolingTests {
    /// Dependencies are looked for nowhere but the pack's fixtures.
    private let nowhere = PackLocations([])

    @Test func newSkeletonPassesCheckAndTest() throws {
        let directory = try TemporaryDirectory()
        let folder = try PackScaffold.write(name: "my-pack", in: directory.path)
        let pack = try Pack.read(folder: folder, source: .path)
        let (findings, definitions) = try PackChecker(pack: pack).check()
        #expect(findings.isEmpty, "\(findings)")
        #expect(definitions.map(\.id) == ["won_revenue"])
        let outcome = PackTestRunner(pack: pack, dependencyLocations: nowhere).run()
        #expect(outcome.passed, "\(outcome.lines)")
        #expect(outcome.checks.count == 4)
        #expect(outcome.lines.last == "my-pack: 4 passed, 0 failed")
    }

    @Test func wrongExpectationFailsAndSaysWhatDiffers() throws {
        let directory = try TemporaryDirectory()
        let folder = try PackScaffold.write(name: "my-pack", in: directory.path)
        let expected = folder + "/tests/basic/expected.csv"
        let text = try String(contentsOfFile: expected, encoding: .utf8)
        try text.replacingOccurrences(of: "u2,2026-07,800", with: "u2,2026-07,801")
            .write(toFile: expected, atomically: true, encoding: .utf8)
        let outcome = PackTestRunner(pack: try Pack.read(folder: folder, source: .path), dependencyLocations: nowhere)
            .run()
        #expect(!outcome.passed)
        #expect(outcome.lines.contains("    ✗ won_revenue user u2 2026-07 (expected.csv:3): expected 801, got 800"))
        #expect(outcome.lines.last == "my-pack: 3 passed, 1 failed")
    }

    @Test func breakdownMemberExpectationsAreComparedWithThatMembersFigure() throws {
        let directory = try TemporaryDirectory()
        let folder = try PackScaffold.write(name: "my-pack", in: directory.path)
        _ = try directory.write(
            """
            return indicator {
              id = "closed_by_stage",
              title = { en = "Closed by stage", zh = "按阶段结单数" },
              unit = "count",
              per = "user",
              needs = { "opportunities.stage", "opportunities.closed_at" },
              breakdown = "stage",
              value = function(s) return s.opportunities:during("closed_at"):count() end,
            }

            """, to: "my-pack/indicators/closed_by_stage.lua")
        // 2026-Q3 closes o1 (u1, won), o2 (u1, lost), o3 (u2, won) and o4 (u3, won).
        _ = try directory.write(
            """
            indicator,grain,subject,period,value,tolerance,dimension,member
            closed_by_stage,company,acme,2026-Q3,4,,,
            closed_by_stage,company,acme,2026-Q3,3,,stage,won
            closed_by_stage,company,acme,2026-Q3,1,,stage,lost
            closed_by_stage,user,u1,2026-Q3,2,,stage,won
            closed_by_stage,user,u2,2026-Q3,1,,stage,lost

            """, to: "my-pack/tests/basic/expected.csv")
        let outcome = PackTestRunner(pack: try Pack.read(folder: folder, source: .path), dependencyLocations: nowhere)
            .run()
        #expect(outcome.lines.contains("    ✗ closed_by_stage user u1 2026-Q3 (expected.csv:5): expected 2, got 1"))
        #expect(
            outcome.lines.contains(
                "    ✗ closed_by_stage user u2 2026-Q3 (expected.csv:6): no figure for this subject and period in "
                    + "member lost of stage (does the indicator declare that breakdown, and has the subject rows "
                    + "of that member?)"), "\(outcome.lines)")
        #expect(outcome.lines.last == "my-pack: 3 passed, 2 failed")
    }

    @Test func expectationDimensionAndMemberGoTogether() throws {
        let parsed = try PackExpectation.parse(
            "indicator,grain,subject,period,value,tolerance,dimension,member\nx,user,u1,2026-07,1,,product,p1\n"
                + "x,user,u1,2026-07,2\n", file: "e.csv", pack: "p")
        #expect(parsed.map(\.member) == ["p1", nil])
        #expect(parsed.map(\.dimension) == ["product", nil])
        let error = #expect(throws: PackError.self) {
            try PackExpectation.parse(
                "indicator,grain,subject,period,value,tolerance,dimension,member\nx,user,u1,2026-07,1,,product,\n",
                file: "e.csv", pack: "p")
        }
        #expect(error?.description == "e.csv:2: dimension and member go together: give both or neither")
        let header = #expect(throws: PackError.self) {
            try PackExpectation.parse("indicator,grain,subject,period,value,dimension\n", file: "e.csv", pack: "p")
        }
        #expect(header?.description.hasPrefix("e.csv:1: the header must be") == true)
    }

    @Test func checkRefusesFieldsTheVocabularyLacksAndMissingChineseTitles() throws {
        let directory = try TemporaryDirectory()
        let manifest = PackFixture.manifest(name: "p").replacingOccurrences(
            of: "\"opportunities.amount\"]",
            with: "\"opportunities.amount\", \"opportunities.margin\", \"deals.amount\"]")
        let folder = try PackFixture.writePack(
            in: directory, at: "p", manifest: manifest,
            indicators: [
                "a.lua":
                    "return indicator { id = \"a\", title = \"A\", unit = \"number\", per = \"user\", value = function() return 1 end }\n",
                "b.lua":
                    "return indicator { id = \"b\", title = { en = \"B\", zh = \"乙\" }, needs = { \"opportunities.owner\" }, unit = \"number\", per = \"user\", value = function() return param(\"nope\") end }\n",
            ])
        let (findings, _) = try PackChecker(pack: try Pack.read(folder: folder, source: .path)).check()
        let messages = findings.map(\.description)
        #expect(
            messages.contains(
                "p/pack.toml: needs opportunities.margin: the vocabulary's opportunities has no field margin"))
        #expect(messages.contains("p/pack.toml: needs deals.amount: the vocabulary has no entity deals"))
        #expect(messages.contains("p/indicators/a.lua: a: give a title in Chinese (title = { en = …, zh = … })"))
        #expect(
            messages.contains("p/indicators/b.lua: b needs opportunities.owner, which pack.toml's needs does not list"))
        #expect(messages.contains("p/indicators/b.lua:1: param(\"nope\"): pack.toml declares no such parameter"))
    }

    @Test func checkReportsAFileThatDoesNotLoadWithItsLine() throws {
        let directory = try TemporaryDirectory()
        let folder = try PackFixture.writePack(
            in: directory, at: "p", manifest: PackFixture.manifest(name: "p"),
            indicators: ["bad.lua": "local x = 1\nreturn indicator {\n  id = \"bad\"\n  title = 3,\n}\n"])
        let (findings, _) = try PackChecker(pack: try Pack.read(folder: folder, source: .path)).check()
        #expect(findings.contains { $0.file == "p/indicators/bad.lua" && $0.line == 4 }, "\(findings)")
    }

    @Test func expectationFileErrorsNameTheLine() {
        let error = #expect(throws: PackError.self) {
            try PackExpectation.parse(
                "indicator,grain,subject,period,value\nx,user,u1,2026-07,lots\n", file: "e.csv", pack: "p")
        }
        #expect(error?.description == "e.csv:2: value \"lots\" is neither a number nor missing")
    }
}
