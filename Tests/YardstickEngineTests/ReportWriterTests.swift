import Testing
import YardstickData

@testable import YardstickEngine

/// Report writers behind one protocol, found by format id.
@Suite struct ReportWriterTests {
    static func report() -> RunReport {
        let october = Period.month(year: 2026, month: 10)
        return RunReport(
            workspace: "demo", generatedAt: "2026-11-01T08:00:00Z", periods: [october],
            indicators: [IndicatorInfo(id: "won", title: "Won", titleZH: "赢单", unit: .count, sourceFile: "w.lua")],
            results: [
                IndicatorResult(
                    period: october, grain: .user, subjectID: "u1", subjectName: "Ann", indicatorID: "won",
                    title: "Won", unit: .count, value: .integer(2))
            ],
            errors: [IndicatorFailure(indicatorID: "lost", message: "boom", file: "l.lua", line: 3)],
            statistics: EvaluationStatistics(partitionQueries: 7))
    }

    @Test func theStandardRegistryHasTableJSONCSVHTMLAndMarkdownInThatOrder() {
        #expect(ReportWriterRegistry.standard.formatIDs == ["table", "json", "csv", "html", "md"])
        #expect(ReportWriterRegistry.standard.formatList == "table, json, csv, html or md")
    }

    @Test func anUnknownFormatIsAnErrorListingTheKnownOnes() {
        #expect(
            throws: UnknownReportFormatError(formatID: "xml", knownFormatIDs: ["table", "json", "csv", "html", "md"])
        ) {
            try ReportWriterRegistry.standard.writer(for: "xml")
        }
        let error = UnknownReportFormatError(formatID: "xml", knownFormatIDs: ["table", "json", "csv"])
        #expect(error.description == #"unknown report format "xml" (known: table, json, csv)"#)
        #expect(throws: UnknownReportFormatError.self) { try ReportWriterRegistry.standard.writer(for: "CSV") }
    }

    @Test func eachFormatIDNamesItsStandardWriter() throws {
        let writers = ReportWriterRegistry.standard
        #expect(try writers.writer(for: "csv") is CSVReportWriter)
        #expect(try writers.writer(for: "json") is JSONReportWriter)
        #expect(try writers.writer(for: "table") is TableReportWriter)
        #expect(try writers.writer(for: "html") is HTMLReportWriter)
        let report = Self.report()
        let csv = String(
            decoding: try writers.writer(for: "csv").write(report, options: ReportWriterOptions()), as: UTF8.self)
        #expect(csv.hasPrefix(CSVReportWriter.header + "\n"))
    }

    @Test func optionsChooseLocaleErrorsAndStatistics() throws {
        let report = Self.report()
        let writers = ReportWriterRegistry.standard
        let table = try writers.writer(for: "table")
        let chinese = String(
            decoding: table.write(report, options: ReportWriterOptions(locale: "zh-CN")), as: UTF8.self)
        #expect(chinese.contains("赢单") && chinese.contains("错误 (1)"))
        let quiet = String(
            decoding: table.write(report, options: ReportWriterOptions(includesErrors: false)), as: UTF8.self)
        #expect(!quiet.contains("Errors") && quiet.contains("Ann"))
        let json = try writers.writer(for: "json")
        let timed = String(
            decoding: json.write(report, options: ReportWriterOptions(includesStatistics: true)), as: UTF8.self)
        #expect(timed.contains(#""evaluation""#) && timed.contains(#""grouped": 7"#))
        #expect(
            !String(decoding: json.write(report, options: ReportWriterOptions()), as: UTF8.self).contains("evaluation"))
    }

    /// A format a later module might add.
    struct WikiWriter: ReportWriter {
        var formatID: String { "wiki" }
        var fileExtension: String { "txt" }
        var isText: Bool { true }
        func write(_ report: RunReport, options: ReportWriterOptions) -> [UInt8] {
            Array(report.results.map { "| \($0.subjectID) | \($0.value.plainText) |\n" }.joined().utf8)
        }
    }

    /// A writer that replaces the built-in CSV.
    struct OtherCSVWriter: ReportWriter {
        var formatID: String { "csv" }
        var fileExtension: String { "csv" }
        var isText: Bool { true }
        func write(_ report: RunReport, options: ReportWriterOptions) -> [UInt8] { Array("other\n".utf8) }
    }

    @Test func registeringAddsAFormatOrReplacesOneInPlace() throws {
        var writers = ReportWriterRegistry.standard
        writers.register(WikiWriter())
        writers.register(OtherCSVWriter())
        #expect(writers.formatIDs == ["table", "json", "csv", "html", "md", "wiki"])
        #expect(
            try writers.writer(for: "wiki").write(Self.report(), options: ReportWriterOptions())
                == Array("| u1 | 2 |\n".utf8))
        #expect(
            try writers.writer(for: "csv").write(Self.report(), options: ReportWriterOptions()) == Array("other\n".utf8)
        )
        #expect(ReportWriterRegistry.standard.formatIDs == ["table", "json", "csv", "html", "md"])
    }
}
