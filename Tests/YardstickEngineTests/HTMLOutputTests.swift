import Testing
import YardstickData

@testable import YardstickEngine

/// The pieces of the HTML reports: escaping, numbers for people, the page shell, and the run's
/// page of indicator tables.
@Suite struct HTMLOutputTests {
    @Test(arguments: [
        ("plain 王芳", "plain 王芳"), ("<b>&", "&lt;b&gt;&amp;"), (#"Li, "Leo""#, "Li, &quot;Leo&quot;"),
        ("it's", "it&#39;s"), ("line\nbreak", "line\\nbreak"), ("</script><script>", "&lt;/script&gt;&lt;script&gt;"),
    ])
    func textFromDataIsEscaped(text: String, escaped: String) {
        #expect(HTMLText.escaped(text) == escaped)
    }

    @Test func identifiersKeepSafeCharactersAndEncodeTheRestWithoutCollisions() {
        #expect(HTMLText.identifier("card", "2017-Q4", "u17") == "card-2017-Q4-u17")
        #expect(HTMLText.identifier("card", "a b") == "card-a_20.b")
        #expect(HTMLText.identifier("card", "a_20.b") != HTMLText.identifier("card", "a b"))
        #expect(HTMLText.identifier("王") == "_738b.")
    }

    @Test(arguments: [
        (1278.561404, IndicatorUnit.money, "1,278.56"), (72878, .money, "72,878.00"),
        (-1234567.891, .money, "-1,234,567.89"),
        (0.3125, .percent, "31.3%"), (1.05, .percent, "105.0%"), (53.508772, .days, "53.5"), (12.25, .hours, "12.3"),
        (143, .seconds, "2:23"), (3723, .seconds, "1:02:03"), (72878, .count, "72,878"), (2.5, .count, "3"),
        (1.25, .ratio, "1.25"), (87.46, .score, "87.5"), (1000.5, .number, "1,000.5"), (3, .number, "3"),
        (-0.004, .money, "0.00"), (999, .count, "999"), (1000, .count, "1,000"),
    ])
    func numbersAreWrittenByUnitForPeople(number: Double, unit: IndicatorUnit, text: String) {
        #expect(ReadableNumber.text(number, unit: unit) == text)
    }

    @Test func missingAndFailedValuesReadAsInTheTable() {
        #expect(ReadableNumber.text(nil, unit: .money) == "—")
        #expect(ReadableNumber.text(.missing(reason: "none"), unit: .money, locale: "en") == "—")
        #expect(ReadableNumber.text(.failed(message: "boom"), unit: .money, locale: "zh-CN") == "错误")
        #expect(
            ReadableNumber.text(.decimal(ExactDecimal(scaled: 10_545_000)), unit: .money, locale: "en") == "1,054.50")
        #expect(ReadableNumber.text(Double.infinity, unit: .money) == "inf")
    }

    @Test func thePageDeclaresUTF8TheLanguageAndAPolicyThatFetchesNothing() {
        let page = HTMLPage(locale: "zh-CN", title: "考核", body: "<p>x</p>\n", script: "").text
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(page.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline';"))
        #expect(page.contains("<title>考核</title>"))
        #expect(!page.contains("<script>"))
        #expect(page.hasSuffix("<p>x</p>\n</body>\n</html>\n"))
        #expect(HTMLPage(locale: "en", title: "", body: "", script: "go()").text.contains("<script>\ngo()</script>\n"))
    }

    static func report() throws -> RunReport {
        let october = try Period.parse("2026-10", calendar: CalendarSettings())
        func result(_ grain: Grain, _ id: String, _ name: String, _ indicator: String, _ value: ResultValue)
            -> IndicatorResult
        {
            IndicatorResult(
                period: october, grain: grain, subjectID: id, subjectName: name, indicatorID: indicator,
                title: indicator == "won" ? "Won revenue" : "Win rate", unit: indicator == "won" ? .money : .percent,
                value: value)
        }
        return RunReport(
            workspace: "Demo <CRM>", generatedAt: "2026-11-01T08:00:00Z", periods: [october],
            indicators: [
                IndicatorInfo(id: "won", title: "Won revenue", titleZH: "赢单金额", unit: .money, sourceFile: "won.lua"),
                IndicatorInfo(id: "rate", title: "Win rate", titleZH: "赢单率", unit: .percent, sourceFile: "rate.lua"),
            ],
            results: [
                result(.user, "u1", "王芳", "won", .decimal(ExactDecimal(scaled: 127_856_140))),
                result(.user, "u1", "王芳", "rate", .number(0.3125)),
                result(.user, "u2", "<i>Leo</i>", "won", .integer(0)),
                result(.user, "u2", "<i>Leo</i>", "rate", .missing(reason: "no deals closed")),
                result(.team, "t1", "East", "won", .integer(72878)),
                result(.team, "t1", "East", "rate", .failed(message: "boom")),
            ],
            errors: [
                IndicatorFailure(
                    indicatorID: "rate", subjectID: "t1", periodLabel: "2026-10", grain: .team, message: "boom",
                    file: "rate.lua", line: 4)
            ])
    }

    @Test func theRunPageHasOneTablePerPeriodAndGrainWithValuesByUnitAndReasons() throws {
        let page = String(
            decoding: HTMLReportWriter().write(try Self.report(), options: ReportWriterOptions()), as: UTF8.self)
        #expect(page.contains("<title>Demo &lt;CRM&gt; · Indicators</title>"))
        #expect(page.components(separatedBy: "<table class=\"results\">").count - 1 == 2)
        #expect(
            page.contains(
                "<section class=\"results\" data-period=\"2026-10\" data-grain=\"user\">\n<h2>2026-10 · user</h2>"))
        #expect(page.contains("<h2>2026-10 · team</h2>"))
        #expect(
            page.contains(
                "<th class=\"num\" title=\"won\">Won revenue</th><th class=\"num\" title=\"rate\">Win rate</th>"))
        #expect(
            page.contains(
                "<tr data-subject=\"u1\"><td>u1</td><td>王芳</td><td class=\"num\">12,785.61</td><td class=\"num\">31.3%</td></tr>"
            ))
        #expect(
            page.contains(
                "<td>&lt;i&gt;Leo&lt;/i&gt;</td><td class=\"num\">0.00</td><td class=\"num missing\" title=\"no deals closed\">—</td>"
            ))
        #expect(page.contains("<td class=\"num status-failed\" title=\"boom\">error</td>"))
        #expect(page.contains("<summary>Why values are missing (1)</summary>"))
        #expect(page.contains("<li>&lt;i&gt;Leo&lt;/i&gt; · Win rate: no deals closed</li>"))
        #expect(page.contains("<h2>Errors (1)</h2>"))
        #expect(!page.contains("<i>") && !page.contains("http:"))
        let quiet = String(
            decoding: HTMLReportWriter().write(try Self.report(), options: ReportWriterOptions(includesErrors: false)),
            as: UTF8.self)
        #expect(!quiet.contains("id=\"errors\""))
    }

    @Test func theRunPageSpeaksChineseForAChineseWorkspace() throws {
        let page = String(
            decoding: HTMLReportWriter().write(try Self.report(), options: ReportWriterOptions(locale: "zh-CN")),
            as: UTF8.self)
        #expect(page.contains("<html lang=\"zh-CN\">"))
        #expect(page.contains("<h2>2026-10 · 员工</h2>"))
        #expect(page.contains(">赢单金额</th>"))
        #expect(page.contains("<td class=\"num status-failed\" title=\"boom\">错误</td>"))
        #expect(page.contains("<summary>缺失原因 (1)</summary>"))
    }
}
