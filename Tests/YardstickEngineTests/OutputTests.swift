import Foundation
import Testing
import YardstickData
import YardstickTestSupport

@testable import YardstickEngine

/// Result values, the CSV, JSON and table writers, and atomic file writes.
@Suite struct OutputTests {}

extension OutputTests {
    @Suite struct Values {}
    @Suite struct Writers {}
    @Suite struct Files {}
}

/// October 2026 for two users (one with a Chinese name, one with a comma and quotes) and a team.
private func sampleReport() throws -> RunReport {
    let october = try Period.parse("2026-10", calendar: CalendarSettings())
    let revenue = ExactDecimal(scaled: 10_545_000)
    func result(_ grain: Grain, _ id: String, _ name: String, _ values: [ResultValue]) -> [IndicatorResult] {
        let columns: [(String, String, IndicatorUnit)] = [
            ("won_deals", "Won deals", .count), ("win_rate", "Win rate", .percent), ("revenue", "Revenue", .money),
        ]
        return zip(columns, values).map { column, value in
            IndicatorResult(
                period: october, grain: grain, subjectID: id, subjectName: name, indicatorID: column.0,
                title: column.1, unit: column.2, value: value)
        }
    }
    let failure = "attempt to perform arithmetic on a nil value"
    return RunReport(
        workspace: "demo", generatedAt: "2026-11-01T08:00:00Z", periods: [october],
        indicators: [
            IndicatorInfo(
                id: "won_deals", title: "Won deals", titleZH: "赢单数", unit: .count,
                description: "Deals won in the period.", sourceFile: "indicators/won_deals.lua"),
            IndicatorInfo(
                id: "win_rate", title: "Win rate", titleZH: "赢单率", unit: .percent,
                description: "Won deals over closed deals.", sourceFile: "indicators/win_rate.lua"),
            IndicatorInfo(
                id: "revenue", title: "Revenue", unit: .money, description: "Won amount.",
                sourceFile: "indicators/revenue.lua"),
        ],
        results: result(.user, "u1", "王芳", [.integer(3), .number(0.3125), .decimal(revenue)])
            + result(
                .user, "u2", "Li, \"Leo\"",
                [.integer(0), .missing(reason: "no deals closed"), .failed(message: failure)])
            + result(.team, "t1", "East", [.integer(3), .number(0.2), .decimal(revenue)]),
        errors: [
            IndicatorFailure(
                indicatorID: "revenue", subjectID: "u2", periodLabel: "2026-10", message: failure,
                file: "indicators/revenue.lua", line: 12),
            IndicatorFailure(
                indicatorID: "churn", message: "indicator has no compute function", file: "indicators/churn.lua"),
        ])
}

extension OutputTests.Values {
    @Test(arguments: [
        (ResultValue.integer(42), "42"), (.integer(-7), "-7"),
        (.decimal(ExactDecimal(scaled: 10_545_000)), "1054.5"), (.decimal(ExactDecimal(scaled: -1)), "-0.0001"),
        (.number(1.0 / 3.0), "0.3333333333333333"), (.number(2.5), "2.5"), (.number(3), "3"),
        (.number(0.1 + 0.2), "0.30000000000000004"), (.number(-0.0), "0"), (.number(1e-7), "1e-07"),
        (.number(0.0000015), "1.5e-06"), (.number(-1.25), "-1.25"),
        (.number(1e12), "1000000000000"), (.number(20_000_000_000.25), "20000000000.25"),
        (.number(.nan), "NaN"), (.number(-.infinity), "-inf"),
        (.missing(reason: "no deals"), ""), (.failed(message: "boom"), ""),
    ])
    func plainTextReadsBackToTheSameValue(value: ResultValue, text: String) {
        #expect(value.plainText == text)
        if case .number(let number) = value, number.isFinite { #expect(Double(text) == number) }
    }

    @Test func tableTextRoundsToSixPlacesWithoutExponent() {
        #expect(ResultValue.number(1.0 / 3.0).tableText(unit: .number) == "0.333333")
        #expect(ResultValue.number(1e-7).tableText(unit: .number) == "0")
        #expect(ResultValue.number(0.0000015).tableText(unit: .number) == "0.000002")
    }

    @Test(arguments: [
        (ResultValue.number(0.3125), "31.3%"), (.number(1), "100.0%"), (.number(0), "0.0%"),
        (.number(-0.05), "-5.0%"), (.number(0.00049), "0.0%"), (.integer(1), "100.0%"),
        (.decimal(ExactDecimal(scaled: 3125)), "31.3%"), (.decimal(ExactDecimal(scaled: 5)), "0.1%"),
        (.missing(reason: "no deals"), "—"), (.failed(message: "boom"), "error"),
    ])
    func percentValuesAreFractionsShownAsPercentInTables(value: ResultValue, text: String) {
        #expect(value.tableText(unit: .percent) == text)
    }

    @Test func otherUnitsShowPlainTextAndStatusSaysWhichCase() {
        #expect(ResultValue.number(0.3125).tableText(unit: .ratio) == "0.3125")
        #expect(ResultValue.failed(message: "boom").tableText(unit: .count, locale: "zh-CN") == "错误")
        #expect(ResultValue.integer(1).status == .ok)
        #expect(ResultValue.missing(reason: "no deals").status.rawValue == "missing")
        #expect(ResultValue.failed(message: "boom").status.rawValue == "failed")
        #expect(ResultValue.missing(reason: "no deals").reason == "no deals")
        #expect(ResultValue.decimal(ExactDecimal(1)).reason == nil)
    }
}

extension OutputTests.Writers {
    @Test func csvIsLongFormatWithQuotedFieldsAndRawFractions() throws {
        #expect(
            CSVReportWriter().text(try sampleReport()) == #"""
                period,grain,subject_id,subject_name,indicator,value,unit,status
                2026-10,user,u1,王芳,won_deals,3,count,ok
                2026-10,user,u1,王芳,win_rate,0.3125,percent,ok
                2026-10,user,u1,王芳,revenue,1054.5,money,ok
                2026-10,user,u2,"Li, ""Leo""",won_deals,0,count,ok
                2026-10,user,u2,"Li, ""Leo""",win_rate,,percent,missing
                2026-10,user,u2,"Li, ""Leo""",revenue,,money,failed
                2026-10,team,t1,East,won_deals,3,count,ok
                2026-10,team,t1,East,win_rate,0.2,percent,ok
                2026-10,team,t1,East,revenue,1054.5,money,ok

                """#)
    }

    @Test func csvQuotesLineBreaks() {
        #expect(CSVReportWriter.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVReportWriter.field("plain 王芳") == "plain 王芳")
    }

    @Test func tableHasOneAlignedTablePerPeriodAndGrainSortedByNameThenTheErrors() throws {
        #expect(
            TableReportWriter().text(try sampleReport()) == #"""
                2026-10 · user
                ID  Name       Won deals  Win rate   Revenue
                ──  ─────────  ─────────  ────────  ────────
                u2  Li, "Leo"          0         —     error
                u1  王芳               3     31.3%  1,054.50

                2026-10 · team
                ID  Name  Won deals  Win rate   Revenue
                ──  ────  ─────────  ────────  ────────
                t1  East          3     20.0%  1,054.50

                Errors (2)
                  revenue failed for u2 in 2026-10: indicators/revenue.lua:12: attempt to perform arithmetic on a nil value
                  churn failed: indicators/churn.lua: indicator has no compute function

                """#)
    }

    @Test func chineseTableUsesChineseTitlesAndPutsChineseNamesFirst() throws {
        #expect(
            TableReportWriter().text(try sampleReport(), options: ReportWriterOptions(locale: "zh-CN")) == #"""
                2026-10 · 员工
                编号  名称       赢单数  赢单率   Revenue
                ────  ─────────  ──────  ──────  ────────
                u1    王芳            3   31.3%  1,054.50
                u2    Li, "Leo"       0       —      错误

                2026-10 · 团队
                编号  名称  赢单数  赢单率   Revenue
                ────  ────  ──────  ──────  ────────
                t1    East       3   20.0%  1,054.50

                错误 (2)
                  revenue failed for u2 in 2026-10: indicators/revenue.lua:12: attempt to perform arithmetic on a nil value
                  churn failed: indicators/churn.lua: indicator has no compute function

                """#)
    }

    @Test func emptyReportSaysSo() {
        let report = RunReport(workspace: "demo", generatedAt: "", periods: [], indicators: [], results: [])
        #expect(TableReportWriter().text(report) == "No results.\n")
        #expect(TableReportWriter().text(report, options: ReportWriterOptions(locale: "zh-CN")) == "没有结果。\n")
        #expect(CSVReportWriter().text(report) == CSVReportWriter.header + "\n")
    }

    @Test func jsonKeepsDecimalsExactAndGivesReasonsForMissingValues() throws {
        var report = try sampleReport()
        report.results = ResultTable([0, 1, 2, 4, 5].map { report.results[$0] })
        report.indicators = [report.indicators[2]]
        #expect(
            JSONReportWriter().text(report) == #"""
                {
                  "errors": [
                    {
                      "file": "indicators/revenue.lua",
                      "indicator": "revenue",
                      "line": 12,
                      "message": "attempt to perform arithmetic on a nil value",
                      "period": "2026-10",
                      "subject_id": "u2"
                    },
                    {
                      "file": "indicators/churn.lua",
                      "indicator": "churn",
                      "message": "indicator has no compute function"
                    }
                  ],
                  "generated_at": "2026-11-01T08:00:00Z",
                  "indicators": [
                    {
                      "better": "higher",
                      "description": "Won amount.",
                      "id": "revenue",
                      "source_file": "indicators/revenue.lua",
                      "title": "Revenue",
                      "unit": "money"
                    }
                  ],
                  "periods": [
                    {
                      "end": "2026-10-31",
                      "kind": "month",
                      "label": "2026-10",
                      "start": "2026-10-01"
                    }
                  ],
                  "results": [
                    {
                      "grain": "user",
                      "indicator": "won_deals",
                      "period": "2026-10",
                      "status": "ok",
                      "subject_id": "u1",
                      "subject_name": "王芳",
                      "unit": "count",
                      "value": 3
                    },
                    {
                      "grain": "user",
                      "indicator": "win_rate",
                      "period": "2026-10",
                      "status": "ok",
                      "subject_id": "u1",
                      "subject_name": "王芳",
                      "unit": "percent",
                      "value": 0.3125
                    },
                    {
                      "grain": "user",
                      "indicator": "revenue",
                      "period": "2026-10",
                      "status": "ok",
                      "subject_id": "u1",
                      "subject_name": "王芳",
                      "unit": "money",
                      "value": "1054.5"
                    },
                    {
                      "grain": "user",
                      "indicator": "win_rate",
                      "period": "2026-10",
                      "reason": "no deals closed",
                      "status": "missing",
                      "subject_id": "u2",
                      "subject_name": "Li, \"Leo\"",
                      "unit": "percent",
                      "value": null
                    },
                    {
                      "grain": "user",
                      "indicator": "revenue",
                      "period": "2026-10",
                      "reason": "attempt to perform arithmetic on a nil value",
                      "status": "failed",
                      "subject_id": "u2",
                      "subject_name": "Li, \"Leo\"",
                      "unit": "money",
                      "value": null
                    }
                  ],
                  "workspace": "demo"
                }

                """#)
    }

    @Test func jsonEscapesQuotesBackslashesAndControlCharacters() {
        #expect(JSONText.quoted("a\"b\\c\nd\u{1}王") == #""a\"b\\c\nd\u0001王""#)
        #expect(JSONText.object([:]).rendered() == "{}")
        #expect(JSONText.array([]).rendered() == "[]")
    }
}

extension OutputTests.Files {
    /// A new empty directory under the system's temporary directory.
    private func scratchDirectory() throws -> TemporaryDirectory {
        try TemporaryDirectory(prefix: "atomic")
    }

    @Test func atomicWriteCreatesTheFileAndLeavesNoTemporaryFile() throws {
        let scratch = try scratchDirectory()
        defer { withExtendedLifetime(scratch) {} }
        let directory = scratch.path
        try AtomicFile.write("名称\n王芳\n", to: directory + "/out.csv")
        #expect(try String(contentsOfFile: directory + "/out.csv", encoding: .utf8) == "名称\n王芳\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.csv"])
    }

    @Test func atomicWriteOfChunksWritesThemOneAfterAnother() throws {
        let scratch = try scratchDirectory()
        defer { withExtendedLifetime(scratch) {} }
        let path = scratch.path + "/score.csv"
        try AtomicFile.write("old\n", to: path)
        let chunks: [[UInt8]] = [
            Array("period,total\n".utf8), [], Array("2017-10,88.6\n".utf8), Array("2017-11,60\n".utf8),
        ]
        try AtomicFile.write(to: path) { write in chunks.allSatisfy(write) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "period,total\n2017-10,88.6\n2017-11,60\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["score.csv"])
    }

    @Test func atomicWriteReplacesExistingContentAndKeepsPermissions() throws {
        let scratch = try scratchDirectory()
        defer { withExtendedLifetime(scratch) {} }
        let directory = scratch.path
        let path = directory + "/report.json"
        try String(repeating: "old content that is longer\n", count: 100).write(
            toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try AtomicFile.write("{}\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{}\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["report.json"])
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test func atomicWriteIntoAMissingDirectoryNamesThePathAndTheReason() throws {
        let scratch = try scratchDirectory()
        defer { withExtendedLifetime(scratch) {} }
        let directory = scratch.path
        let path = directory + "/missing/out.csv"
        #expect {
            try AtomicFile.write("x", to: path)
        } throws: { error in
            (error as? AtomicFileError)?.description
                == "cannot write \(path): create a temporary file failed: No such file or directory"
        }
    }
}
