import Foundation
import Testing
import YardstickTestSupport

/// docs/model-file.md shows model files and the messages they give: they must stay true.
@Suite struct ModelFileDocumentationTests {
    /// The fenced blocks of the page under a heading, with their language, in order.
    static func blocks(under heading: String) throws -> [(language: String, text: String)] {
        let page = try String(contentsOfFile: RepositoryRoot.path("docs/model-file.md"), encoding: .utf8)
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: heading) else { return [] }
        let level = heading.prefix { $0 == "#" }.count
        var blocks: [(String, String)] = []
        var index = start + 1
        while index < lines.count {
            let line = lines[index]
            let headingLevel = line.prefix { $0 == "#" }.count
            if headingLevel > 0 && headingLevel <= level && line.dropFirst(headingLevel).hasPrefix(" ") { break }
            if line.hasPrefix("```") {
                let language = String(line.dropFirst(3))
                var body: [String] = []
                index += 1
                while index < lines.count && lines[index] != "```" {
                    body.append(lines[index])
                    index += 1
                }
                blocks.append((language, body.joined(separator: "\n")))
            }
            index += 1
        }
        return blocks
    }

    @Test func theWorkedExampleLoads() throws {
        let example = try #require(try Self.blocks(under: "## A worked example").first)
        #expect(example.language == "lua")
        let model = try ModelWorkspace(["model.lua": example.text]).model()
        #expect(model.id == "maven-sales")
        #expect(model.model.indicatorPaths.count == 4)
    }

    @Test func theErrorsExampleGivesTheMessagesShown() throws {
        let blocks = try Self.blocks(under: "## Errors")
        let source = try #require(blocks.first { $0.language == "lua" })
        let messages = try #require(blocks.first { $0.language == "text" })
        #expect(
            try ModelWorkspace(["model.lua": source.text]).problems()
                == messages.text.split(separator: "\n").map(String.init))
    }

    @Test func theWeightsExampleGivesTheMessagesShownAndIsFineNormalised() throws {
        let blocks = try Self.blocks(under: "### Weights")
        let source = try #require(blocks.first { $0.language == "lua" })
        let messages = try #require(blocks.first { $0.language == "text" })
        #expect(
            try ModelWorkspace(["model.lua": source.text]).problems()
                == messages.text.split(separator: "\n").map(String.init))
        let normalised = source.text.replacingOccurrences(
            of: "id = \"w\",", with: "id = \"w\", weights = \"normalised\",")
        #expect(try ModelWorkspace(["model.lua": normalised]).problems() == [])
    }

    @Test func theExtendingExampleExtendsTheWorkedExample() throws {
        let base = try #require(try Self.blocks(under: "## A worked example").first)
        let fine = try #require(try Self.blocks(under: "## Extending a model").first { $0.language == "lua" })
        let models = try ModelWorkspace(["model.lua": base.text, "scorecards/fine.lua": fine.text]).load()
        let model = try #require(models.definitions.last)
        #expect(model.id == "maven-sales-fine")
        #expect(
            model.model.indicatorPaths.map(\.indicator.id) == [
                "won_revenue", "calls", "avg_sales_cycle_days", "big_deals",
            ])
    }
}
