import Testing
import YardstickData
import YardstickEngine

@testable import YardstickXLSX

/// The run's workbook read back from its zip: the parts a spreadsheet program needs, typed cells
/// with number formats by unit, shared strings, dates, the frozen and filtered header.
@Suite struct XLSXReportWriterTests {
    /// October 2026: 王芳 with a count, a percent and money; `Li, "Leo"` with a missing and a
    /// failed value.
    static func report() throws -> RunReport {
        let october = try Period.parse("2026-10", calendar: CalendarSettings())
        func figures(_ id: String, _ name: String, _ values: [ResultValue]) -> [IndicatorResult] {
            let columns: [(String, String, IndicatorUnit)] = [
                ("won_deals", "Won deals", .count), ("win_rate", "Win rate", .percent), ("revenue", "Revenue", .money),
            ]
            return zip(columns, values).map { column, value in
                IndicatorResult(
                    period: october, grain: .user, subjectID: id, subjectName: name, indicatorID: column.0,
                    title: column.1, unit: column.2, value: value)
            }
        }
        return RunReport(
            workspace: "demo", generatedAt: "2026-11-01T08:00:00Z", periods: [october],
            indicators: [
                IndicatorInfo(id: "won_deals", title: "Won deals", titleZH: "赢单数", unit: .count, sourceFile: "a.lua"),
                IndicatorInfo(id: "win_rate", title: "Win rate", unit: .percent, sourceFile: "b.lua"),
                IndicatorInfo(id: "revenue", title: "Revenue", unit: .money, sourceFile: "c.lua"),
            ],
            results: figures("u1", "王芳", [.integer(3), .number(0.3125), .decimal(ExactDecimal(scaled: 10_545_000))])
                + figures(
                    "u2", "Li, \"Leo\" <&>",
                    [.integer(0), .missing(reason: "no deals closed"), .failed(message: "boom")]),
            errors: [
                IndicatorFailure(
                    indicatorID: "revenue", subjectID: "u2", periodLabel: "2026-10", grain: .user, message: "boom",
                    file: "indicators/revenue.lua", line: 12)
            ])
    }

    static func workbook() throws -> UnzippedWorkbook {
        try UnzippedWorkbook(XLSXReportWriter().write(try report(), options: ReportWriterOptions()))
    }

    @Test func theArchiveHoldsThePartsOfASpreadsheetPackageInOrder() throws {
        let workbook = try Self.workbook()
        #expect(
            workbook.order == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
                "xl/worksheets/sheet3.xml",
            ])
        let book = try #require(workbook.parts["xl/workbook.xml"])
        #expect(book.contains(#"<sheet name="Results" sheetId="1" r:id="rId1"/>"#))
        #expect(book.contains(#"<sheet name="Indicators" sheetId="2" r:id="rId2"/>"#))
        #expect(book.contains(#"<sheet name="Errors" sheetId="3" r:id="rId3"/>"#))
        #expect(book.contains(#"localSheetId="0" hidden="1">'Results'!$A$1:$K$7</definedName>"#))
        let types = try #require(workbook.parts["[Content_Types].xml"])
        #expect(types.contains(#"PartName="/xl/worksheets/sheet3.xml""#))
    }

    @Test func resultsAreTheCSVColumnsTypedWithFormatsByUnitThenReasonAndDates() throws {
        let workbook = try Self.workbook()
        let cells = workbook.cells(sheet: 1)
        let header = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"].map { cells[$0 + "1"]?.value ?? "" }
        #expect(
            header == [
                "period", "grain", "subject_id", "subject_name", "indicator", "value", "unit", "status", "reason",
                "period_start", "period_end",
            ])
        #expect(cells["A1"]?.style == 1)
        // 王芳: won_deals 3 (#,##0 = style 2), win_rate 0.3125 (0.0% = 4), revenue 1054.5 (#,##0.00 = 3).
        #expect(cells["F2"] == .init(type: nil, style: 2, value: "3"))
        #expect(cells["F3"] == .init(type: nil, style: 4, value: "0.3125"))
        #expect(cells["F4"] == .init(type: nil, style: 3, value: "1054.5"))
        #expect(cells["D2"] == .init(type: "s", style: 0, value: "王芳"))
        // 2026-10-01 and 2026-10-31 as Excel day serials 46296 and 46326, date style 6.
        #expect(cells["J2"] == .init(type: nil, style: 6, value: "46296"))
        #expect(cells["K2"] == .init(type: nil, style: 6, value: "46326"))
        // Li: the missing and failed values are empty cells, with their status and reason.
        #expect(cells["F6"] == nil)
        #expect(cells["H6"]?.value == "missing")
        #expect(cells["I6"]?.value == "no deals closed")
        #expect(cells["F7"] == nil)
        #expect(cells["H7"]?.value == "failed")
        #expect(cells["I7"]?.value == "boom")
        #expect(cells["D5"]?.value == "Li, \"Leo\" <&>")
        #expect(cells["I2"] == nil)
    }

    @Test func everySheetHasAFrozenFilteredHeaderAndFittedWidths() throws {
        let workbook = try Self.workbook()
        for sheet in 1...3 {
            let xml = try #require(workbook.parts["xl/worksheets/sheet\(sheet).xml"])
            #expect(xml.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
            #expect(xml.contains("<autoFilter ref=\"A1:"))
        }
        let results = try #require(workbook.parts["xl/worksheets/sheet1.xml"])
        #expect(results.contains(#"<autoFilter ref="A1:K7"/>"#))
        // subject_name: the header's 12 characters and 3 for the filter button, plus 2.
        #expect(results.contains(#"<col min="4" max="4" width="17" customWidth="1"/>"#))
    }

    @Test func theIndicatorsAndErrorsSheetsDescribeTheRun() throws {
        let workbook = try Self.workbook()
        let indicators = workbook.cells(sheet: 2)
        #expect(indicators["A2"]?.value == "won_deals")
        #expect(indicators["C2"]?.value == "赢单数")
        #expect(indicators["D4"]?.value == "money")
        let errors = workbook.cells(sheet: 3)
        #expect(errors["E2"]?.value == "indicators/revenue.lua:12")
        #expect(errors["F2"]?.value == "boom")
    }

    @Test func theBytesArTheSameForTheSameReport() throws {
        let report = try Self.report()
        #expect(
            XLSXReportWriter().write(report, options: .init()) == XLSXReportWriter().write(report, options: .init()))
        #expect(!XLSXReportWriter().isText)
    }

    @Test func sharedStringsHoldEachTextOnceWithItsCount() throws {
        let workbook = try Self.workbook()
        let xml = try #require(workbook.parts["xl/sharedStrings.xml"])
        let strings = workbook.sharedStrings
        #expect(Set(strings).count == strings.count)
        #expect(strings.contains("Li, \"Leo\" <&>"))
        #expect(xml.contains("Li, &quot;Leo&quot; &lt;&amp;&gt;"))
    }
}

/// The workbook's building blocks: sheet names, column letters, numbers, XML text, long sheets.
@Suite struct XLSXWorkbookTests {
    @Test func sheetNamesAreMadeValidAndUnique() {
        #expect(
            XLSXWorkbook.sheetNames([
                "Results", "results", "a/b:c*d?[e]", "", "'quoted'", String(repeating: "x", count: 40),
            ])
                == ["Results", "results 2", "a_b_c_d__e_", "Sheet", "quoted", String(repeating: "x", count: 31)])
    }

    @Test func columnLettersCountInBase26WithoutZero() {
        #expect(XLSXSheetXML.column(0) == "A")
        #expect(XLSXSheetXML.column(25) == "Z")
        #expect(XLSXSheetXML.column(26) == "AA")
        #expect(XLSXSheetXML.column(701) == "ZZ")
        #expect(XLSXSheetXML.column(702) == "AAA")
    }

    @Test func numbersAreWrittenAsTheCSVWritesThem() {
        #expect(XLSXSheetXML.numberText(72878) == "72878")
        #expect(XLSXSheetXML.numberText(-0.0) == "0")
        #expect(XLSXSheetXML.numberText(1.0 / 3.0) == "0.3333333333333333")
        #expect(XLSXCell.finite(.nan, .general) == .text("NaN"))
        #expect(XLSXCell.finite(-.infinity, .money) == .text("-inf"))
    }

    @Test func xmlTextEscapesMarkupAndReplacesControlCharacters() {
        #expect(XMLText.escaped("a<b>&\"c\"") == "a&lt;b&gt;&amp;&quot;c&quot;")
        #expect(XMLText.escaped("x\u{1}y\tz\r\n") == "x\u{FFFD}y\tz&#13;\n")
        #expect(XMLText.escaped("张伟") == "张伟")
    }

    @Test func aSheetLongerThanTheRowLimitContinuesOnNumberedSheets() {
        let rows = (0..<5).map { [XLSXCell.number(Double($0), .integer)] }
        let parts = XLSXWorkbook.split([XLSXSheet(name: "Results", headers: ["n"], rows: rows)], rowsPerSheet: 2)
        #expect(parts.map(\.name) == ["Results", "Results (2)", "Results (3)"])
        #expect(parts.map(\.rows.count) == [2, 2, 1])
        #expect(parts.allSatisfy { $0.headers == ["n"] })
    }

    @Test func csvRecordsReadQuotedFieldsWithCommasQuotesAndLineBreaks() {
        let text = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n,,\n"
        #expect(
            CSVRecords.parse(Array(text.utf8)) == [
                ["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["", "", ""],
            ])
    }

    @Test func scoreCSVColumnsAreTypedByName() {
        #expect(XLSXScoreWriter.cell("0.3125", kind: .percent, unit: .money) == .number(0.3125, .percent))
        #expect(XLSXScoreWriter.cell("1054.5", kind: .valueInUnit, unit: .money) == .number(1054.5, .money))
        #expect(XLSXScoreWriter.cell("3", kind: .integer, unit: .money) == .number(3, .integer))
        #expect(XLSXScoreWriter.cell("", kind: .oneDecimal, unit: .money) == .empty)
        #expect(XLSXScoreWriter.cell("ok", kind: .text, unit: .money) == .text("ok"))
        #expect(XLSXScoreWriter.cell("NaN", kind: .oneDecimal, unit: .money) == .text("NaN"))
        #expect(XLSXScoreWriter.kind(of: "completion") == .percent)
        #expect(XLSXScoreWriter.kind(of: "member_mean") == .oneDecimal)
        #expect(XLSXScoreWriter.kind(of: "rank") == .integer)
        #expect(XLSXScoreWriter.kind(of: "subject_name") == .text)
        #expect(XLSXScoreWriter.day("2017-10-31") == CivilDate.dayNumber(year: 2017, month: 10, day: 31))
        #expect(XLSXScoreWriter.day("2017-02-30") == nil)
    }
}
