import Foundation
import Testing
import YardstickEngine
import YardstickScorecard
import YardstickTestSupport

@Suite struct AlertsMarkdownWriterTests {
    @Test func eachPeriodIsAHeadingOverATableOfItsAlerts() throws {
        let text = AlertsMarkdownWriter().text(try AlertReportFixture.report(), locale: "en")
        let expected = """
            # Alert test — alerts

            Workspace: Test

            ## 2017-10 · as of 2017-10-20 · 31 days, 20 elapsed, 11 left · pace 64.5% · 4 alerts

            | Subject | Indicator | Alert | Value | Target | Done | Per day | Pipeline |
            | --- | --- | --- | --: | --: | --: | --: | --: |
            | Ann | Won revenue | reached 50% | 500.00 | 1,000.00 | 50.0% | 45.45 | 300.00 |
            | Ann | Won revenue | behind pace | 500.00 | 1,000.00 | 50.0% | 45.45 | 300.00 |
            | 王芳 | Sales cycle | reached 50% | 80.0 | 60.0 | 75.0% | — |   |
            | East (team) | Won revenue | behind pace | 3,000.00 | 10,000.00 | 30.0% | 636.36 |   |

            """
        #expect(text == expected)
    }

    @Test func chineseHasChineseLabelsAndTitles() throws {
        let text = AlertsMarkdownWriter().text(try AlertReportFixture.report(), locale: "zh-CN")
        #expect(text.hasPrefix("# 提醒测试 — 提醒\n\n工作区：Test\n\n## 2017-10 · 截至 2017-10-20"))
        #expect(text.contains("| 对象 | 指标 | 提醒 | 实际 | 目标 | 完成率 | 每天需 | 在途 |"))
        #expect(text.contains("| East（团队） | 赢单金额 | 进度落后 | 3,000.00 | 10,000.00 | 30.0% | 636.36 |   |"))
    }

    @Test func namesAreEscapedAndNeverCut() throws {
        var report = try AlertReportFixture.report()
        report.periods[0].alerts[0].subjectName = "Ann | *Lead* of the Bartholomew-Featherstonehaugh account team"
        let text = AlertsMarkdownWriter().text(report, locale: "en")
        #expect(text.contains("| Ann \\| \\*Lead\\* of the Bartholomew-Featherstonehaugh account team | Won revenue |"))
    }

    @Test func aPeriodWithoutAlertsSaysSo() throws {
        var report = try AlertReportFixture.report()
        report.periods[0].alerts = []
        #expect(AlertsMarkdownWriter().text(report, locale: "en").hasSuffix("· 0 alerts\n\nNo alerts.\n"))
    }
}

@Suite struct AlertsCSVWriterTests {
    static func rows(locale: String = "en") throws -> [[String: String]] {
        let text = String(
            decoding: AlertsCSVWriter().write(try AlertReportFixture.report(), locale: locale), as: UTF8.self)
        let records = CSVTestRecords.parse(text)
        let header = try #require(records.first)
        #expect(header == AlertsCSVWriter.columns)
        return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func oneRowPerAlertWithTheJSONFigures() throws {
        let rows = try Self.rows()
        #expect(rows.count == 4)
        let behind = rows[1]
        #expect(behind["period"] == "2017-10")
        #expect(behind["period_first"] == "2017-10-01")
        #expect(behind["period_last"] == "2017-10-31")
        #expect(behind["as_of"] == "2017-10-20")
        #expect(behind["kind"] == "behind-pace")
        #expect(behind["subject_id"] == "u1")
        #expect(behind["unit"] == "money")
        #expect(behind["better"] == "higher")
        #expect(behind["value"] == "500")
        #expect(behind["target"] == "1000")
        #expect(behind["expected_completion"] == "0.645161")  // 20/31, six places
        #expect(behind["needed_per_day"] == "45.454545")  // 500/11
        #expect(behind["remaining_days"] == "11")
        #expect(behind["mark"] == "")
        #expect(behind["paced"] == "true")
        #expect(behind["completion_with_pipeline"] == "0.8")
        #expect(behind["target_rule"] == "constant 1000.0")
        #expect(
            behind["message"]
                == "Ann — Won revenue: behind pace, 50.0% (500.00 of 1,000.00); 64.5% expected; 300.00 in pipeline; needs 45.45 a day for 11 days"
        )
        let ceiling = rows[2]
        #expect(ceiling["better"] == "lower")
        #expect(ceiling["mark"] == "0.5")
        #expect(ceiling["needed_per_day"] == "")
        #expect(ceiling["subject_name"] == "王芳")
    }

    @Test func onlyTitlesAndMessagesFollowTheLocale() throws {
        let english = try Self.rows(locale: "en")
        let chinese = try Self.rows(locale: "zh-CN")
        for (en, zh) in zip(english, chinese) {
            for column in AlertsCSVWriter.columns where column != "indicator_title" && column != "message" {
                #expect(en[column] == zh[column], "\(column)")
            }
        }
        #expect(chinese[1]["indicator_title"] == "赢单金额")
        #expect(chinese[1]["message"]?.hasPrefix("Ann — 赢单金额：进度落后") == true)
    }
}
