import Testing
import YardstickData

@testable import YardstickEngine

/// The Markdown run report: exact text in English and Chinese, escaping, footnotes for
/// missing and failed values, numbers by unit, breakdown tables.
@Suite struct MarkdownReportWriterTests {
    /// October 2026: a user with a Chinese name, one whose name holds a pipe, a quote, a line
    /// break and a star (with a missing and a failed value), and a team with large figures.
    static func report() throws -> RunReport {
        let october = try Period.parse("2026-10", calendar: CalendarSettings())
        func figures(_ grain: Grain, _ id: String, _ name: String, _ values: [ResultValue]) -> [IndicatorResult] {
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
                IndicatorInfo(id: "won_deals", title: "Won deals", titleZH: "赢单数", unit: .count, sourceFile: "a.lua"),
                IndicatorInfo(id: "win_rate", title: "Win rate", titleZH: "赢单率", unit: .percent, sourceFile: "b.lua"),
                IndicatorInfo(id: "revenue", title: "Revenue", unit: .money, sourceFile: "c.lua"),
            ],
            results: figures(
                .user, "u1", "王芳", [.integer(3), .number(0.3125), .decimal(ExactDecimal(scaled: 10_545_000))])
                + figures(
                    .user, "u2", "Li | \"Leo\"\nJr*",
                    [.integer(0), .missing(reason: "no deals closed"), .failed(message: failure)])
                + figures(
                    .team, "t1", "East",
                    [.integer(1234), .number(0.2), .decimal(ExactDecimal(scaled: 12_345_678_950))]),
            errors: [
                IndicatorFailure(
                    indicatorID: "revenue", subjectID: "u2", periodLabel: "2026-10", grain: .user, message: failure,
                    file: "indicators/revenue.lua", line: 12)
            ])
    }

    static func text(_ report: RunReport, locale: String = "en", errors: Bool = false) -> String {
        String(
            decoding: MarkdownReportWriter().write(
                report, options: ReportWriterOptions(locale: locale, includesErrors: errors)), as: UTF8.self)
    }

    /// Subjects by name: in English the Latin name before the Chinese one.
    @Test func writesOneTablePerGrainWithNumbersByUnitAndReasonsAsFootnotes() throws {
        let expected = """
            # Indicators · demo

            Periods: 2026-10 (2026-10-01..2026-10-31) · 3 indicators

            ## 2026-10 · user

            | ID | Name | Won deals | Win rate | Revenue |
            | --- | --- | --: | --: | --: |
            | u2 | Li \\| "Leo"<br>Jr\\* | 0 | —[^1] | error[^2] |
            | u1 | 王芳 | 3 | 31.3% | 1,054.50 |

            ## 2026-10 · team

            | ID | Name | Won deals | Win rate | Revenue |
            | --- | --- | --: | --: | --: |
            | t1 | East | 1,234 | 20.0% | 1,234,567.90 |

            [^1]: no deals closed
            [^2]: attempt to perform arithmetic on a nil value

            """
        #expect(Self.text(try Self.report()) == expected)
    }

    @Test func chineseLocaleUsesChineseLabelsAndTitlesAndKeepsChineseNames() throws {
        let text = Self.text(try Self.report(), locale: "zh-CN")
        #expect(text.hasPrefix("# 指标报告 · demo\n\n考核期：2026-10 (2026-10-01..2026-10-31) · 指标：3 个\n\n## 2026-10 · 员工\n"))
        #expect(text.contains("| 编号 | 名称 | 赢单数 | 赢单率 | Revenue |"))
        #expect(text.contains("| u1 | 王芳 | 3 | 31.3% | 1,054.50 |"))
        #expect(text.contains("| u2 | Li \\| \"Leo\"<br>Jr\\* | 0 | —[^1] | 错误[^2] |"))
        #expect(text.contains("## 2026-10 · 团队"))
    }

    @Test func errorsAreListedWhenAsked() throws {
        let text = Self.text(try Self.report(), errors: true)
        let section = try #require(text.range(of: "## Errors (1)\n\n- "))
        #expect(text[section.upperBound...].hasPrefix("revenue"))
        #expect(text.contains("indicators/revenue.lua:12"))
        #expect(!Self.text(try Self.report(), errors: false).contains("## Errors"))
    }

    @Test func equalReasonsShareOneFootnote() throws {
        let october = try Period.parse("2026-10", calendar: CalendarSettings())
        let results = ["u1", "u2", "u3"].map { id in
            IndicatorResult(
                period: october, grain: .user, subjectID: id, subjectName: id, indicatorID: "win_rate",
                title: "Win rate", unit: .percent,
                value: id == "u3" ? .missing(reason: "no leads") : .missing(reason: "no deals closed"))
        }
        let text = Self.text(
            RunReport(workspace: "w", generatedAt: "", periods: [october], indicators: [], results: results))
        #expect(text.contains("| u1 | u1 | —[^1] |\n| u2 | u2 | —[^1] |\n| u3 | u3 | —[^2] |"))
        #expect(text.hasSuffix("[^1]: no deals closed\n[^2]: no leads\n"))
    }

    @Test func breakdownMembersGetATableWithAMemberColumn() throws {
        let october = try Period.parse("2026-10", calendar: CalendarSettings())
        var report = RunReport(workspace: "w", generatedAt: "", periods: [october], indicators: [], results: [])
        report.breakdowns = [("GTX", 2), ("MG", 5)].map { member, deals in
            IndicatorResult(
                subject: IndicatorResult.SubjectPart(
                    period: october, grain: .user, id: "u1", name: "王芳",
                    breakdown: ResultBreakdown(dimension: "product.series", member: member)),
                indicator: IndicatorResult.IndicatorPart(id: "won_deals", title: "Won deals", unit: .count),
                value: .integer(Int64(deals)))
        }
        let expected = """
            ## 2026-10 · user · by product.series

            | ID | Name | Member | Won deals |
            | --- | --- | --- | --: |
            | u1 | 王芳 | GTX | 2 |
            | u1 | 王芳 | MG | 5 |

            """
        #expect(Self.text(report).hasSuffix(expected))
    }

    @Test func markupCharactersAreEscapedAndLineBreaksBecomeBreaks() {
        #expect(MarkdownText.escaped("a|b") == "a\\|b")
        #expect(
            MarkdownText.escaped("*x* _y_ `z` [l](u) <b> ~s~ & \\")
                == "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\<b\\> \\~s\\~ \\& \\\\")
        #expect(MarkdownText.escaped("one\r\ntwo\nthree\rfour") == "one<br>two<br>three<br>four")
        #expect(MarkdownText.escaped("张伟 · 东区") == "张伟 · 东区")
    }
}

/// Numbers written for reading, by unit.
@Suite struct ReadableNumberTests {
    @Test(arguments: [
        (ResultValue.decimal(ExactDecimal(scaled: 728_780_000)), IndicatorUnit.money, "72,878.00"),
        (.number(1278.561404), .money, "1,278.56"), (.integer(7), .money, "7.00"),
        (.decimal(ExactDecimal(scaled: -12_345)), .money, "-1.23"),
        (.decimal(ExactDecimal(scaled: 12_350)), .money, "1.24"),
        (.number(-0.004), .money, "0.00"), (.number(53.508772), .days, "53.5"), (.number(1.25), .hours, "1.3"),
        (.integer(1425), .count, "1,425"), (.integer(-1_234_567), .count, "-1,234,567"), (.number(2.6), .count, "3"),
        (.number(0.3125), .percent, "31.3%"), (.number(0.0005), .percent, "0.1%"), (.integer(1), .percent, "100.0%"),
        (.number(143), .seconds, "2:23"), (.integer(3723), .seconds, "1:02:03"),
        (.number(1_000_000.0 / 3.0), .ratio, "333,333.33"), (.number(87.25), .score, "87.3"),
        (.missing(reason: "none"), .money, "—"), (.failed(message: "boom"), .money, "error"),
        (.number(.nan), .money, "NaN"),
    ])
    func figuresAreRoundedAndGroupedByUnit(value: ResultValue, unit: IndicatorUnit, text: String) {
        #expect(ReadableNumber.text(value, unit: unit) == text)
    }
}
