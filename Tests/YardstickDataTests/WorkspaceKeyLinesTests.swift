import Testing

@testable import YardstickData

/// The line hints of workspace-section errors.
@Suite struct WorkspaceKeyLinesTests {
    static let text = """
        # a comment = not a key
        [workspace]
        name = "Acme"

        [ scorecard . weights ]
        "win rate" = 2
        revenue.total = 3
        list = [
          "a = b",
          "[not.a.header]",
        ]
        notes = '''
        skip = me
        [neither]
        '''
        after = 1
        inline = { deep = 1 }

        [[packs.list]]
        name = "sales"
        [[packs.list]]
        name = "service"
        """

    let lines = WorkspaceKeyLines.scan(Self.text)

    @Test func headersAndKeysGetTheirLines() {
        #expect(lines.line(of: "workspace") == 2)
        #expect(lines.line(of: "workspace.name") == 3)
        #expect(lines.line(of: "scorecard") == 5)
        #expect(lines.line(of: "scorecard.weights") == 5)
        #expect(lines.line(of: "scorecard.weights.win rate") == 6)
        #expect(lines.line(of: "scorecard.weights.revenue.total") == 7)
    }

    @Test func stringsAndMultiLineValuesHideNoKeys() {
        #expect(lines.line(of: "scorecard.weights.list") == 8)
        #expect(lines.line(of: "scorecard.weights.notes") == 12)
        #expect(lines.line(of: "scorecard.weights.after") == 16)
        #expect(lines.line(of: "not") == nil)
        #expect(lines.line(of: "neither") == nil)
        #expect(lines.line(of: "scorecard.weights.skip") == 5)  // falls back to the enclosing table
    }

    @Test func keysInsideInlineTablesFallBackToTheirTable() {
        #expect(lines.line(of: "scorecard.weights.inline") == 17)
        #expect(lines.line(of: "scorecard.weights.inline.deep") == 17)
    }

    @Test func eachTableOfAnArrayIsNumbered() {
        #expect(lines.line(of: "packs.list") == 19)
        #expect(lines.line(of: "packs.list[0].name") == 20)
        #expect(lines.line(of: "packs.list[1]") == 21)
        #expect(lines.line(of: "packs.list[1].name") == 22)
        #expect(lines.line(of: "packs.list[2].name") == 19)
    }

    @Test func anUnknownKeyHasNoLine() {
        #expect(lines.line(of: "calendar.week_start") == nil)
    }
}
