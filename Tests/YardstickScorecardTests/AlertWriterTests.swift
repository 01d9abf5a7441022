import Foundation
import Testing
import YardstickData
import YardstickEngine
import YardstickScorecard
import YardstickScoring

@Suite struct AlertsTableWriterTests {
    @Test func theTableListsEveryAlertWithWhereTheSubjectStands() throws {
        let text = AlertsTableWriter().text(try AlertReportFixture.report(), locale: "en")
        let expected = """
            2017-10 · as of 2017-10-20 · 31 days, 20 elapsed, 11 left · pace 64.5% · 4 alerts
            Subject      Indicator    Alert           Value     Target   Done  Per day  Pipeline
            ───────────  ───────────  ───────────  ────────  ─────────  ─────  ───────  ────────
            Ann          Won revenue  reached 50%    500.00   1,000.00  50.0%    45.45    300.00
            Ann          Won revenue  behind pace    500.00   1,000.00  50.0%    45.45    300.00
            王芳         Sales cycle  reached 50%      80.0       60.0  75.0%        —
            East (team)  Won revenue  behind pace  3,000.00  10,000.00  30.0%   636.36

            """
        #expect(text == expected)
    }

    @Test func theTableFitsA100ColumnTerminal() throws {
        let text = AlertsTableWriter().text(try AlertReportFixture.report(), locale: "en")
        for line in text.split(separator: "\n") {
            #expect(line.count <= 100)
        }
    }

    @Test func chineseLabelsLineUpByDisplayWidth() throws {
        let text = AlertsTableWriter().text(try AlertReportFixture.report(), locale: "zh-CN")
        // Chinese characters and full-width brackets take two columns each.
        let expected = """
            2017-10 · 截至 2017-10-20 · 共 31 天，已过 20，剩余 11 · 应达 64.5% · 4 条提醒
            对象          指标      提醒          实际       目标  完成率  每天需    在途
            ────────────  ────────  ────────  ────────  ─────────  ──────  ──────  ──────
            Ann           赢单金额  达到 50%    500.00   1,000.00   50.0%   45.45  300.00
            Ann           赢单金额  进度落后    500.00   1,000.00   50.0%   45.45  300.00
            王芳          销售周期  达到 50%      80.0       60.0   75.0%       —
            East（团队）  赢单金额  进度落后  3,000.00  10,000.00   30.0%  636.36

            """
        #expect(text == expected)
    }

    @Test func longNamesAreCutSoTheTableFits100Columns() throws {
        var report = try AlertReportFixture.report()
        report.periods[0].alerts[0].subjectName = "Bartholomew Alexander Featherstonehaugh-Cholmondeley"
        report.indicators[0].title = "Won revenue from new logos in the enterprise segment"
        let lines = AlertsTableWriter().text(report, locale: "en").split(separator: "\n").dropFirst()
        for line in lines {
            #expect(DisplayWidth.of(String(line)) <= 100, "\(line)")
        }
        // The other columns take 48 (money grouped with two decimals) + 7 × 2 separators: 38
        // columns remain, 19 for each name.
        let cut = try #require(lines.dropFirst(2).first)
        #expect(cut.hasPrefix("Bartholomew Alexan…  Won revenue from n…  reached 50%"))
        #expect(DisplayWidth.of(String(cut)) == 100)
    }

    @Test func cuttingCountsDisplayColumns() {
        #expect(DisplayWidth.truncated("销售周期很长的指标", to: 9) == "销售周期…")
        #expect(DisplayWidth.truncated("Won revenue", to: 11) == "Won revenue")
        #expect(DisplayWidth.truncated("Won revenue", to: 6) == "Won r…")
    }

    @Test func aPeriodWithoutAlertsSaysSo() throws {
        var report = try AlertReportFixture.report()
        report.periods[0].alerts = []
        #expect(
            AlertsTableWriter().text(report, locale: "en")
                == "2017-10 · as of 2017-10-20 · 31 days, 20 elapsed, 11 left · pace 64.5% · 0 alerts\nNo alerts.\n")
        #expect(AlertsTableWriter().text(report, locale: "zh-CN").hasSuffix("\n没有提醒。\n"))
    }
}

@Suite struct AlertsJSONWriterTests {
    static func json(locale: String = "en") throws -> [String: Any] {
        let bytes = AlertsJSONWriter().write(try AlertReportFixture.report(), locale: locale)
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func theDocumentNamesTheModelTheDayAndTheSettings() throws {
        let json = try Self.json()
        #expect(json["workspace"] as? String == "Test")
        #expect(json["as_of"] as? String == "2017-10-20")
        let model = try #require(json["model"] as? [String: Any])
        #expect(model["id"] as? String == "alerts-test")
        #expect(model["version"] as? String == "1.0")
        let settings = try #require(json["settings"] as? [String: Any])
        #expect(settings["milestones"] as? [Double] == [0.5, 0.8, 1, 1.2])
        #expect(settings["reminder"] is NSNull)
        let pace = try #require(settings["pace"] as? [String: Any])
        #expect(pace["tolerance"] as? Double == 0.1)
        #expect(pace["working_days_only"] as? Bool == false)
    }

    @Test func eachAlertCarriesItsFiguresAndASentence() throws {
        let period = try #require((try Self.json()["periods"] as? [[String: Any]])?.first)
        #expect(period["period"] as? String == "2017-10")
        let days = try #require(period["days"] as? [String: Any])
        #expect(days["counted"] as? String == "calendar")
        #expect(days["elapsed"] as? Int == 20)
        #expect(days["remaining"] as? Int == 11)
        let window = try #require(period["window"] as? [String: Any])
        #expect(window["last"] as? String == "2017-10-20")
        let alerts = try #require(period["alerts"] as? [[String: Any]])
        #expect(alerts.count == 4)
        let behind = alerts[1]
        #expect(behind["kind"] as? String == "behind-pace")
        #expect(behind["grain"] as? String == "user")
        #expect(behind["subject_id"] as? String == "u1")
        #expect(behind["indicator_title"] as? String == "Won revenue")
        #expect(behind["value"] as? Double == 500)
        #expect(behind["target"] as? Double == 1000)
        #expect(behind["completion"] as? Double == 0.5)
        #expect(behind["expected_completion"] as? Double == 0.645161)  // 20/31, six places
        #expect(behind["needed_per_day"] as? Double == 45.454545)  // 500/11
        #expect(behind["remaining_days"] as? Int == 11)
        #expect(behind["pipeline"] as? Double == 300)
        #expect(behind["completion_with_pipeline"] as? Double == 0.8)
        #expect(behind["mark"] is NSNull)
        #expect(behind["target_rule"] as? String == "constant 1000.0")
        #expect(behind["paced"] as? Bool == true)
        #expect(behind["tier"] is NSNull)
        #expect(
            behind["message"] as? String
                == "Ann — Won revenue: behind pace, 50.0% (500.00 of 1,000.00); 64.5% expected; 300.00 in pipeline; needs 45.45 a day for 11 days"
        )
        let ceiling = alerts[2]
        #expect(ceiling["better"] as? String == "lower")
        #expect(ceiling["needed_per_day"] is NSNull)
        #expect(ceiling["paced"] as? Bool == false)
        #expect(ceiling["expected_completion"] as? Double == 1)
        #expect(ceiling["mark"] as? Double == 0.5)
        #expect(
            ceiling["message"] as? String
                == "王芳 — Sales cycle: reached 50%, 75.0% (80.0, ceiling 60.0); 20.0 over the target"
        )
        #expect(alerts[3]["grain"] as? String == "team")
        #expect(alerts[3]["tier"] as? String == "stretch")
    }

    @Test func theSentenceFollowsTheLocale() throws {
        let period = try #require((try Self.json(locale: "zh-CN")["periods"] as? [[String: Any]])?.first)
        let alerts = try #require(period["alerts"] as? [[String: Any]])
        #expect(
            alerts[1]["message"] as? String
                == "Ann — 赢单金额：进度落后，完成 50.0%（500.00 / 1,000.00），应达 64.5%，在途 300.00，剩余 11 天每天需 45.45")
        #expect(
            alerts[3]["message"] as? String
                == "East（团队） — 赢单金额：进度落后，完成 30.0%（3,000.00 / 10,000.00），应达 64.5%，剩余 11 天每天需 636.36")
    }

    @Test func theOutputIsTheSameEveryTime() throws {
        let report = try AlertReportFixture.report()
        #expect(AlertsJSONWriter().write(report, locale: "en") == AlertsJSONWriter().write(report, locale: "en"))
        #expect(AlertsJSONWriter().write(report, locale: "en").last == 0x0A)
    }
}
