import Testing
import YardstickEngine
import YardstickScorecard
import YardstickScoring
import YardstickTestSupport

/// The long CSV of `yardstick score`: row kinds, exact cells, missing and failed figures with
/// their reasons, incomplete totals, rollups and quoting.
@Suite struct ScoreWriterCSVTests {
    static let issueColumns =
        "period,grain,subject_id,subject_name,model,dimension,indicator,value,target,completion,score,weight,contribution,total,grade,rank,status"

    let text: String
    let records: [[String: String]]

    init() throws {
        let bytes = ScoreCSVWriter().write(try ScoreWriterFixture.report(), locale: "en")
        text = String(decoding: bytes, as: UTF8.self)
        records = ScoreCSV.records(text)
    }

    /// The record of one subject's row: an indicator, a dimension path or the total.
    func record(_ subject: String, indicator: String = "", dimension: String = "", kind: String) -> [String: String]? {
        records.first {
            $0["subject_id"] == subject && $0["indicator"] == indicator && $0["dimension"] == dimension
                && $0["row_kind"] == kind
        }
    }

    @Test func theHeaderStartsWithTheIssuesColumnsThenTheExtras() {
        let header = text.split(separator: "\n", omittingEmptySubsequences: false)[0]
        #expect(header.hasPrefix(Self.issueColumns + ","))
        #expect(
            header
                == Self.issueColumns
                + ",row_kind,peer_group,distributed_grade,tier,target_rule,function,policy,policy_applied,share,total_share,cap,completion_rule,window,previous,change_previous,last_year,change_last_year,pipeline,members,member_scores,member_mean,member_median,member_min,member_max,member_spread,missing_reason"
        )
        #expect(text.hasSuffix("\n"))
        #expect(!text.contains("\r"))
    }

    @Test func aSubjectsRowsFollowTheTreeWithSubtotalsAfterTheirItemsAndTheTotalLast() {
        let rows = records.filter { $0["subject_id"] == "u1" }.map {
            [$0["row_kind"] ?? "", $0["dimension"] ?? "", $0["indicator"] ?? ""]
        }
        #expect(
            rows == [
                ["indicator", "results", "won_revenue"], ["indicator", "results", "win_rate"],
                ["dimension", "results", ""], ["indicator", "quality", "cycle_days"],
                ["indicator", "quality", "big_deals"], ["dimension", "quality", ""], ["total", "", ""],
            ])
        let order = records.map { ($0["grain"] ?? "") + ":" + ($0["subject_id"] ?? "") }
        var seen: [String] = []
        for key in order where seen.last != key { seen.append(key) }
        #expect(seen == ["user:u1", "user:u2", "user:u3", "user:u4", "user:u5", "team:east", "team:west"])
        #expect(records.count == 5 * 7 + 2 * 7)
    }

    @Test func anIndicatorRowHoldsEveryFigureOfItsScore() throws {
        let row = try #require(record("u1", indicator: "won_revenue", dimension: "results", kind: "indicator"))
        #expect(
            row.filter { !$0.value.isEmpty } == [
                "period": "2017-Q4", "grain": "user", "subject_id": "u1", "subject_name": "王芳",
                "model": "maven-sales", "dimension": "results", "indicator": "won_revenue", "value": "12000",
                "target": "8000", "completion": "1.5", "score": "120", "weight": "75", "contribution": "45",
                "status": "ok", "row_kind": "indicator", "peer_group": "all", "tier": "target",
                "target_rule": ScoreWriterFixture.quotaRule, "function": "linear", "policy": "zero", "share": "0.75",
                "total_share": "0.375", "cap": "120", "completion_rule": "value/target",
                "window": "2017-10-01..2017-12-31", "previous": "10000", "change_previous": "2000",
                "last_year": "9000", "change_last_year": "3000", "pipeline": "3500",
            ])
    }

    @Test func theExactLineOfAnIndicatorQuotesTheRuleWithCommas() {
        let line =
            "2017-Q4,user,u1,王芳,maven-sales,results,won_revenue,12000,8000,1.5,120,75,45,,,,ok,indicator,all,,target,"
            + "\"quota revenue: 3 monthly quotas summed (2017-10, 2017-11, 2017-12)\",linear,zero,,0.75,0.375,120,"
            + "value/target,2017-10-01..2017-12-31,10000,2000,9000,3000,3500,,,,,,,,"
        #expect(text.split(separator: "\n").contains { $0 == line })
    }

    @Test func namesWithCommasAndQuotesAreQuotedAndChineseNamesAreNot() {
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("2017-Q4,user,u2,\"Li, \"\"Leo\"\"\",maven-sales,") })
        #expect(lines.contains { $0.hasPrefix("2017-Q4,user,u3,张伟,maven-sales,") })
        #expect(records.contains { $0["subject_name"] == "Li, \"Leo\"" })
    }

    @Test func aDimensionRowHoldsItsSubtotalWeightSharesAndContribution() throws {
        let results = try #require(record("u1", dimension: "results", kind: "dimension"))
        #expect(
            results.filter { !$0.value.isEmpty } == [
                "period": "2017-Q4", "grain": "user", "subject_id": "u1", "subject_name": "王芳",
                "model": "maven-sales", "dimension": "results", "score": "115", "weight": "50",
                "contribution": "57.5", "status": "ok", "row_kind": "dimension", "peer_group": "all",
                "share": "0.5", "total_share": "0.5", "window": "2017-10-01..2017-12-31",
            ])
        let quality = try #require(record("u2", dimension: "quality", kind: "dimension"))
        #expect(quality["score"] == "45")
        #expect(quality["contribution"] == "22.5")
    }

    @Test func theTotalRowCarriesTotalGradeRankAndTheForcedGrade() throws {
        let total = try #require(record("u3", kind: "total"))
        #expect(
            total.filter { !$0.value.isEmpty } == [
                "period": "2017-Q4", "grain": "user", "subject_id": "u3", "subject_name": "张伟",
                "model": "maven-sales", "total": "102.5", "grade": "A", "rank": "2", "status": "ok",
                "row_kind": "total", "peer_group": "all", "distributed_grade": "B", "cap": "120",
                "window": "2017-10-01..2017-12-31",
            ])
        #expect(record("u1", kind: "total")?["total"] == "107.5")
        #expect(record("u5", kind: "total")?["total"] == "88.75")
        #expect(record("u2", kind: "total")?["rank"] == "4")
        #expect(record("u2", kind: "total")?["grade"] == "D")
        #expect(record("u2", kind: "total")?["distributed_grade"] == "C")
    }

    @Test func aMissingValueIsEmptyWithTheRunsReasonAndThePolicyApplied() throws {
        let row = try #require(record("u2", indicator: "win_rate", dimension: "results", kind: "indicator"))
        #expect(row["value"] == "")
        #expect(row["target"] == "0.25")
        #expect(row["completion"] == "")
        #expect(row["score"] == "")
        #expect(row["contribution"] == "")
        #expect(row["share"] == "0")
        #expect(row["status"] == "missing")
        #expect(row["policy"] == "reweight")
        #expect(row["policy_applied"] == "reweight")
        #expect(row["missing_reason"] == "no deals closed")
        let reweighted = try #require(record("u2", indicator: "won_revenue", dimension: "results", kind: "indicator"))
        #expect(reweighted["share"] == "1")
        #expect(reweighted["total_share"] == "0.5")
        #expect(reweighted["contribution"] == "25")
    }

    @Test func aFailedValueNamesTheScriptLineAndTheTotalIsIncomplete() throws {
        let row = try #require(record("u4", indicator: "cycle_days", dimension: "quality", kind: "indicator"))
        #expect(row["status"] == "failed")
        #expect(row["missing_reason"] == "indicators/cycle_days.lua:7: attempt to compare number with nil")
        #expect(row["policy_applied"] == "incomplete")
        #expect(row["share"] == "0.5")
        #expect(row["contribution"] == "")
        let quality = try #require(record("u4", dimension: "quality", kind: "dimension"))
        #expect(quality["status"] == "incomplete")
        #expect(quality["score"] == "0")
        let total = try #require(record("u4", kind: "total"))
        #expect(total["status"] == "incomplete")
        #expect(total["total"] == "6.25")
        #expect(total["grade"] == "")
        #expect(total["rank"] == "")
        #expect(total["missing_reason"] == "incomplete: no score for quality/cycle_days")
    }

    @Test func aScoreOfZeroIsWrittenAsZeroNotLeftEmpty() throws {
        let row = try #require(record("u4", indicator: "won_revenue", dimension: "results", kind: "indicator"))
        #expect(row["completion"] == "0.5")
        #expect(row["score"] == "0")
        #expect(row["contribution"] == "0")
        #expect(row["status"] == "ok")
    }

    @Test func rollupRowsHoldTheUnitsOwnFiguresAndItsMembersScoreDistribution() throws {
        let revenue = try #require(record("east", indicator: "won_revenue", dimension: "results", kind: "indicator"))
        #expect(
            revenue.filter { !$0.value.isEmpty } == [
                "period": "2017-Q4", "grain": "team", "subject_id": "east", "subject_name": "东区销售",
                "model": "maven-sales", "dimension": "results", "indicator": "won_revenue", "value": "20000",
                "target": "16000", "completion": "1.25", "weight": "75", "status": "ok", "row_kind": "indicator",
                "target_rule": "members' targets summed (2)", "function": "linear", "policy": "zero",
                "completion_rule": "value/target", "window": "2017-10-01..2017-12-31", "members": "2",
                "member_scores": "2", "member_mean": "110", "member_median": "110", "member_min": "100",
                "member_max": "120", "member_spread": "10",
            ])
        let total = try #require(record("east", kind: "total"))
        #expect(total["total"] == "")
        #expect(total["member_mean"] == "105")
        #expect(total["member_spread"] == "2.5")
        let west = try #require(record("west", kind: "total"))
        #expect(west["members"] == "3")
        #expect(west["member_scores"] == "2")
        #expect(west["member_mean"] == "68.125")
        #expect(west["member_spread"] == "20.625")
        let cycle = try #require(record("west", indicator: "cycle_days", dimension: "quality", kind: "indicator"))
        #expect(cycle["value"] == "")
        #expect(cycle["status"] == "missing")
        #expect(cycle["missing_reason"] == "no deals closed")
        let deals = try #require(record("west", indicator: "big_deals", dimension: "quality", kind: "indicator"))
        #expect(deals["value"] == "6")
        #expect(deals["target"] == "")
        #expect(deals["missing_reason"] == "no target: rank needs no target")
        let quality = try #require(record("west", dimension: "quality", kind: "dimension"))
        #expect(quality["member_scores"] == "3")
        #expect(quality["member_median"] == "45")
        #expect(quality["member_min"] == "0")
        #expect(quality["member_max"] == "62.5")
    }

    @Test func theSameReportGivesTheSameBytesWhateverTheLocale() throws {
        let report = try ScoreWriterFixture.report()
        #expect(ScoreCSVWriter().write(report, locale: "zh-CN") == ScoreCSVWriter().write(report, locale: "en"))
    }

    /// `score --out` writes the CSV in its chunks (a header, then one per period) without joining
    /// them: joined, they must be the CSV exactly.
    @Test func theChunksAreTheHeaderThenOnePerPeriodAndJoinedAreTheCSV() throws {
        var report = try ScoreWriterFixture.report()
        var next = report.periods[0]
        next.period = .quarter(year: 2018, quarter: 1)
        next.window = next.period
        report.periods.append(next)
        let chunks = ScoreCSVWriter().chunks(report)
        #expect(chunks.count == 3)
        let header = String(decoding: chunks[0], as: UTF8.self)
        #expect(header.hasPrefix(Self.issueColumns + ","))
        #expect(header.hasSuffix(",missing_reason\n"))
        #expect(header.filter { $0 == "\n" }.count == 1)
        #expect(chunks.flatMap { $0 } == ScoreCSVWriter().write(report, locale: "en"))
        let first = ScoreCSV.records(String(decoding: chunks[0] + chunks[1], as: UTF8.self))
        let second = ScoreCSV.records(String(decoding: chunks[0] + chunks[2], as: UTF8.self))
        #expect(Set(first.map { $0["period"] }) == ["2017-Q4"])
        #expect(Set(second.map { $0["period"] }) == ["2018-Q1"])
        #expect(second.first?["window"] == "2018-01-01..2018-03-31")
        #expect(first.count == second.count)
        #expect(first.count == records.count)
    }
}

/// A minimal RFC 4180 reader for the tests: records as dictionaries keyed by the header.
enum ScoreCSV {
    static func records(_ text: String) -> [[String: String]] {
        let rows = parse(text)
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { row in
            Dictionary(
                uniqueKeysWithValues: zip(header, row + Array(repeating: "", count: max(0, header.count - row.count))))
        }
    }

    static func parse(_ text: String) -> [[String]] {
        CSVTestRecords.parse(text)
    }
}
