import Foundation
import Testing
import YardstickData

@testable import YardstickEngine

/// The `seconds` unit: clock readings in tables, plain numbers of seconds in CSV and JSON.
@Suite struct SecondsUnitTests {
    @Test(arguments: [
        (ResultValue.number(40.774317060599365), "0:41"), (.number(176.35), "2:56"), (.integer(59), "0:59"),
        (.integer(60), "1:00"), (.integer(3599), "59:59"), (.integer(3600), "1:00:00"), (.integer(90_061), "25:01:01"),
        (.number(0.4), "0:00"), (.number(-75), "-1:15"), (.decimal(ExactDecimal(scaled: 1_435_000)), "2:24"),
        (.decimal(ExactDecimal(scaled: -1_425_000)), "-2:23"), (.missing(reason: "no rows"), "—"),
    ])
    func secondsAreShownAsMinutesAndSecondsOrHoursInTables(value: ResultValue, text: String) {
        #expect(value.tableText(unit: .seconds) == text)
    }

    @Test func secondsStayNumbersOfSecondsInCSVAndJSON() throws {
        let february = try Period.parse("1999-02", calendar: CalendarSettings())
        let report = RunReport(
            workspace: "w", generatedAt: "", periods: [february],
            indicators: [IndicatorInfo(id: "avg_wait", title: "Average wait", unit: .seconds, sourceFile: "a.lua")],
            results: [
                IndicatorResult(
                    period: february, grain: .user, subjectID: "u1", subjectName: "Ann", indicatorID: "avg_wait",
                    title: "Average wait", unit: .seconds, value: .number(143.5))
            ])
        let csv = CSVReportWriter().text(report)
        #expect(csv.contains("1999-02,user,u1,Ann,avg_wait,143.5,seconds,ok"), "\(csv)")
        #expect(TableReportWriter().text(report).contains("2:24"))
        let json = JSONReportWriter().text(report)
        #expect(json.contains("\"unit\": \"seconds\""), "\(json)")
        #expect(json.contains("\"value\": 143.5"), "\(json)")
    }
}
