import Testing

@testable import YardstickData

/// Display widths for terminal tables, and tables split into blocks that fit a width.
@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("Anna", 4), ("王芳", 4), ("张伟 (East)", 11), ("华东区销售一部", 14), ("客户满意度（季度）", 18),
        ("Ｆｕｌｌ", 8), ("한국", 4), ("e\u{301}te\u{301}", 3), ("Zoë", 3), ("👍", 2), ("👩\u{200D}💻", 2),
        ("🇨🇳", 2), ("a\u{200B}b", 2), ("", 0), ("—", 1), ("31.3%", 5), ("¥1,200", 6),
    ])
    func wideCharactersCountTwoColumnsAndCombiningMarksNone(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test func paddingAndCuttingCountDisplayColumns() {
        #expect(DisplayWidth.pad("王芳", to: 6) == "王芳  ")
        #expect(DisplayWidth.pad("王芳", to: 6, alignRight: true) == "  王芳")
        // 5 columns allowed: 王芳 (4) and the ellipsis (1); 东 would straddle the edge.
        #expect(DisplayWidth.truncated("王芳东区", to: 5) == "王芳…")
        #expect(DisplayWidth.truncated("Darcel Schlecht", to: 8) == "Darcel …")
        #expect(DisplayWidth.truncated("王芳", to: 4) == "王芳")
    }

    @Test func aTableThatFitsIsOneBlock() {
        #expect(TextTable.blocks(widths: [2, 4, 5, 5], repeated: 2, limit: 40) == [[0, 1, 2, 3]])
        #expect(TextTable.blocks(widths: [2, 4, 5, 5], repeated: 2, limit: nil) == [[0, 1, 2, 3]])
    }

    /// Widths 2 and 10 repeated, then values of 8: a block of lead + n values is
    /// 2 + 2 + 10 + 10n columns, so 34 holds two values and 33 one.
    @Test func aWideTableIsSplitIntoBlocksThatRepeatTheLeadingColumns() {
        let widths = [2, 10, 8, 8, 8, 8, 8]
        #expect(TextTable.blocks(widths: widths, repeated: 2, limit: 34) == [[0, 1, 2, 3], [0, 1, 4, 5], [0, 1, 6]])
        #expect(TextTable.blocks(widths: widths, repeated: 2, limit: 33).count == 5)
        // Narrower than one value column beside the lead: still one value per block, never none.
        #expect(TextTable.blocks(widths: widths, repeated: 2, limit: 10) == (2..<7).map { [0, 1, $0] })
    }

    @Test func aSplitTableRendersEachBlockWithItsHeaderAndRule() {
        var table = TextTable(headers: ["ID", "名称", "A", "B"], rightAligned: [2, 3], repeatedColumns: 2)
        table.rows = [["u1", "王芳", "1", "22"], ["u2", "Li", "333", "4"]]
        #expect(
            table.render(width: 14) == """
                ID  名称    A
                ──  ────  ───
                u1  王芳    1
                u2  Li    333

                ID  名称   B
                ──  ────  ──
                u1  王芳  22
                u2  Li     4
                """)
        #expect(table.render(width: 20).split(separator: "\n").count == 4)
    }
}
