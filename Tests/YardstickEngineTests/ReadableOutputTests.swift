import Foundation
import Testing
import YardstickData

@testable import YardstickEngine

/// The output people read and the output programs read: the run's CSV and JSON precision
/// (at most six decimals), subjects sorted by name or by an indicator, wide tables split into
/// blocks of columns that fit the terminal.
@Suite struct ReadableOutputTests {
    /// One month, user grain, the given subjects and one figure each of `unit`.
    static func report(_ figures: [(id: String, name: String, value: ResultValue)], unit: IndicatorUnit = .number)
        throws -> RunReport
    {
        let october = try Period.parse("2026-10", calendar: CalendarSettings())
        return RunReport(
            workspace: "demo", generatedAt: "2026-11-01T08:00:00Z", periods: [october],
            indicators: [
                IndicatorInfo(id: "x", title: "X", unit: unit, description: "", sourceFile: "indicators/x.lua")
            ],
            results: figures.map {
                IndicatorResult(
                    period: october, grain: .user, subjectID: $0.id, subjectName: $0.name, indicatorID: "x",
                    title: "X", unit: unit, value: $0.value)
            })
    }

    @Test(arguments: [
        (1.0 / 3.0, "0.333333"), (2.0 / 3.0, "0.666667"), (1e-9, "0"), (-0.0, "0"), (-1e-9, "0"),
        (123_456_789.123_456_7, "123456789.123457"), (0.1 + 0.2, "0.3"), (2.5, "2.5"), (-1.25, "-1.25"),
        (0.000_000_5, "0.000001"), (-0.000_000_5, "-0.000001"), (1e12, "1000000000000"), (7, "7"),
    ])
    func csvAndJSONWriteFloatsWithAtMostSixDecimals(number: Double, text: String) throws {
        #expect(ResultValue.number(number).writtenText == text)
        let report = try Self.report([("u1", "Ann", .number(number))])
        let csv = String(decoding: CSVReportWriter().write(report, options: ReportWriterOptions()), as: UTF8.self)
        #expect(csv.split(separator: "\n")[1] == "2026-10,user,u1,Ann,x,\(text),number,ok")
        let json = String(decoding: JSONReportWriter().write(report, options: ReportWriterOptions()), as: UTF8.self)
        #expect(json.contains("\"value\": \(text)\n"))
    }

    @Test func exactDecimalsAndIntegersAreWrittenWhole() {
        #expect(ResultValue.decimal(ExactDecimal(scaled: 10_545_000)).writtenText == "1054.5")
        #expect(ResultValue.decimal(ExactDecimal(scaled: -1)).writtenText == "-0.0001")
        #expect(ResultValue.integer(-42).writtenText == "-42")
        #expect(ResultValue.number(.infinity).writtenText == "inf")
        #expect(ResultValue.missing(reason: "none").writtenText == "")
    }

    @Test func namesSortByPinyinWithLatinNamesFirstInEnglish() throws {
        let names = ["张伟", "Zoe", "王芳", "alice", "陈静", "Bob", "李娜", "Émile", "刘洋", "agent 10", "agent 9"]
        let report = try Self.report(names.enumerated().map { ("u\($0.offset)", $0.element, .integer(1)) })
        let sorted = SubjectOrder.name.sorted(report.results.rows, locale: "en").map(\.subjectName)
        #expect(sorted == ["agent 9", "agent 10", "alice", "Bob", "Émile", "Zoe", "陈静", "李娜", "刘洋", "王芳", "张伟"])
        let chinese = SubjectOrder.name.sorted(report.results.rows, locale: "zh-CN").map(\.subjectName)
        #expect(chinese == ["陈静", "李娜", "刘洋", "王芳", "张伟", "agent 9", "agent 10", "alice", "Bob", "Émile", "Zoe"])
    }

    @Test func equalNamesAreOrderedByIdentifierWhateverTheLoadOrder() throws {
        let report = try Self.report([
            ("u3", "Li Lei", .integer(1)), ("u1", "li lei", .integer(2)), ("u2", "Li Lei", .integer(3)),
        ])
        #expect(SubjectOrder.name.sorted(report.results.rows, locale: "en").map(\.subjectID) == ["u1", "u2", "u3"])
        #expect(SubjectOrder.results.sorted(report.results.rows, locale: "en").map(\.subjectID) == ["u3", "u1", "u2"])
    }

    @Test func sortingByAnIndicatorIsDescendingWithMissingAndFailedLast() throws {
        let report = try Self.report([
            ("u1", "Ann", .number(0.25)), ("u2", "Bo", .missing(reason: "no deals")), ("u3", "Cy", .integer(3)),
            ("u4", "Di", .failed(message: "boom")), ("u5", "Ed", .decimal(ExactDecimal(scaled: 5000))),
            ("u6", "Al", .number(0.25)), ("u7", "Fa", .number(.nan)),
        ])
        let rows = report.results.rows
        let descending = SubjectOrder.indicator("x", ascending: false).sorted(rows, locale: "en").map(\.subjectID)
        // 3 > 0.5 > 0.25 (Al before Ann by name), then the missing, failed and NaN by name.
        #expect(descending == ["u3", "u5", "u6", "u1", "u2", "u4", "u7"])
        let ascending = SubjectOrder.indicator("x", ascending: true).sorted(rows, locale: "en").map(\.subjectID)
        #expect(ascending == ["u6", "u1", "u5", "u3", "u2", "u4", "u7"])
    }

    @Test(arguments: [
        ("name", SubjectOrder.name), ("win_rate", .indicator("win_rate", ascending: false)),
        ("win_rate:asc", .indicator("win_rate", ascending: true)),
        ("sales-core.win_rate:desc", .indicator("sales-core.win_rate", ascending: false)),
    ])
    func sortArgumentsRead(argument: String, order: SubjectOrder) {
        #expect(SubjectOrder(argument: argument) == order)
    }

    @Test func malformedSortArgumentsAreRefused() {
        #expect(SubjectOrder(argument: "") == nil)
        #expect(SubjectOrder(argument: "win_rate:up") == nil)
        #expect(SubjectOrder(argument: ":asc") == nil)
    }

    @Test func tablesShowFiguresForReadingByUnit() throws {
        let report = try Self.report(
            [
                ("u1", "Ann", .number(1278.561404)), ("u2", "Bo", .integer(72878)),
                ("u3", "Cy", .missing(reason: "none")),
            ],
            unit: .money)
        #expect(
            TableReportWriter.text(report, locale: "en", errors: false) == """
                2026-10 · user
                ID  Name          X
                ──  ────  ─────────
                u1  Ann    1,278.56
                u2  Bo    72,878.00
                u3  Cy            —

                """)
    }

    /// Six indicators of 12-column values beside a name 15 columns wide (王芳 and 东区销售 count
    /// two columns a character): 2 + 2 + 15 + 6 × 14 = 103 columns, split at 61 into blocks of
    /// ID, name and three value columns (2 + 2 + 15 + 3 × 14 = 61 exactly).
    @Test func aTableWiderThanTheTerminalIsSplitIntoBlocksRepeatingIDAndName() throws {
        let october = try Period.parse("2026-10", calendar: CalendarSettings())
        let ids = ["a", "b", "c", "d", "e", "f"]
        let report = RunReport(
            workspace: "demo", generatedAt: "", periods: [october],
            indicators: ids.map {
                IndicatorInfo(
                    id: $0, title: "Indicator " + $0.uppercased(), unit: .money, description: "", sourceFile: "")
            },
            results: ids.enumerated().map { index, id in
                IndicatorResult(
                    period: october, grain: .user, subjectID: "u1", subjectName: "王芳 · 东区销售", indicatorID: id,
                    title: id, unit: .money, value: .integer(Int64(index + 1) * 1_000_000))
            })
        let text = TableReportWriter.text(report, locale: "en", errors: false, width: 61)
        #expect(
            text == """
                2026-10 · user
                ID  Name              Indicator A   Indicator B   Indicator C
                ──  ───────────────  ────────────  ────────────  ────────────
                u1  王芳 · 东区销售  1,000,000.00  2,000,000.00  3,000,000.00

                ID  Name              Indicator D   Indicator E   Indicator F
                ──  ───────────────  ────────────  ────────────  ────────────
                u1  王芳 · 东区销售  4,000,000.00  5,000,000.00  6,000,000.00

                """)
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 61) }
        #expect(
            TableReportWriter.text(report, locale: "en", errors: false, width: 60).components(separatedBy: "\n\nID")
                .count == 3)
        #expect(!TableReportWriter.text(report, locale: "en", errors: false, width: nil).contains("\n\nID"))
    }
}
