import Foundation
import Testing
import YardstickData
import YardstickQuery

@testable import YardstickEngine

/// Breakdowns over ``EngineFixture``, values worked out by hand from its rows. Closed in October
/// 2026: o1 (u1, won, a1 retail), o2 (u1, won, a2 tech), o3 (u1, lost, a1 retail), o4 (u2, won,
/// a3 retail), o8 (u3, lost, no account); closed in September: o6 (u3, won, a1 retail); in
/// November: o7 (u1, won, a3 retail). Activities in October: x1, x2, x3 (u1), x4 (u2).
@Suite struct BreakdownTests {
    static let wonDeals = """
        return indicator { id = "won_deals", per = "user", value = function(s)
          return s.opportunities:during("closed_at"):where{ stage = "won" }:count()
        end }
        """
    static let closedDeals = """
        return indicator { id = "closed_deals", per = "user", value = function(s)
          return s.opportunities:during("closed_at"):where{ stage = {"in", {"won", "lost"}} }:count()
        end }
        """

    static func run(
        _ sources: [String], by dimensions: [String] = [], periods: [Period] = [EngineFixture.october],
        grains: [Grain] = [.user], partitioned: Bool = true, columnMode: Bool = true
    ) throws -> RunReport {
        let (workspace, engine, _) = try EngineFixture.workspace()
        var evaluator = Evaluator(engine: engine, workspace: workspace, workers: 2)
        evaluator.breakdowns = dimensions.compactMap(BreakdownDimension.init)
        evaluator.paths.partitioned = partitioned
        evaluator.columnMode = columnMode
        let files = sources.enumerated().map {
            Evaluator.Source(file: "indicators/i\($0.offset).lua", text: $0.element)
        }
        return try evaluator.run(sources: files, periods: periods, grains: grains)
    }

    /// `subject/member` → value text, for one indicator's breakdown figures.
    static func members(_ report: RunReport, _ id: String, period: String? = nil) -> [String: String] {
        var values: [String: String] = [:]
        for figure in report.breakdowns
        where figure.indicatorID == id && (period == nil || figure.period.label == period) {
            values[figure.subjectID + "/" + (figure.breakdown?.member ?? "?")] = figure.value.plainText
        }
        return values
    }

    @Test func aSubjectsFiguresAreSplitByTheMembersItHasRowsOf() throws {
        let report = try Self.run([Self.wonDeals], by: ["account.industry"])
        // u1 won o1 (retail) and o2 (tech); u2 won o4 (retail); u3 won nothing in October.
        #expect(Self.members(report, "won_deals") == ["u1/retail": "1", "u1/tech": "1", "u2/retail": "1"])
        #expect(report.breakdowns.allSatisfy { $0.breakdown?.dimension == "account.industry" })
        // The overall figures are still there, unchanged.
        #expect(report.results.map(\.value.plainText) == ["2", "1", "0"])
    }

    @Test func rowsWithoutAMemberFormTheNoneMemberListedLast() throws {
        let report = try Self.run([Self.closedDeals], by: ["account.industry"])
        // u1 closed o1, o3 (retail) and o2 (tech); u2 o4 (retail); u3 o8, which has no account.
        #expect(
            Self.members(report, "closed_deals") == [
                "u1/retail": "2", "u1/tech": "1", "u2/retail": "1", "u3/(none)": "1",
            ])
        let order = report.breakdowns.filter { $0.subjectID == "u1" }.compactMap(\.breakdown?.member)
        #expect(order == ["retail", "tech"])
    }

    @Test func aMemberWithRowsForOneIndicatorIsReportedForEveryIndicatorOfTheDimension() throws {
        // u3's o8 (no account) is closed but not won: the (none) member is reported for both,
        // won deals being 0 there; u3 has no won-deal line of its own otherwise.
        let report = try Self.run([Self.wonDeals, Self.closedDeals], by: ["account.industry"])
        #expect(Self.members(report, "won_deals")["u3/(none)"] == "0")
        #expect(Self.members(report, "closed_deals")["u3/(none)"] == "1")
        // Each subject × member line holds both indicators, in the report's order.
        let u1 = report.breakdowns.filter { $0.subjectID == "u1" }.map { "\($0.breakdown!.member):\($0.indicatorID)" }
        #expect(u1 == ["retail:won_deals", "retail:closed_deals", "tech:won_deals", "tech:closed_deals"])
    }

    @Test func aMemberPresentInOnePeriodIsAbsentFromTheNextWithoutRows() throws {
        let periods = [9, 10, 11].map { Period.month(year: 2026, month: $0) }
        let report = try Self.run([Self.wonDeals], by: ["account.industry"], periods: periods, grains: [.company])
        // September: o6 (retail); October: o1, o4 (retail), o2 (tech); November: o7 (retail).
        #expect(Self.members(report, "won_deals", period: "2026-09") == ["C/retail": "1"])
        #expect(Self.members(report, "won_deals", period: "2026-10") == ["C/retail": "2", "C/tech": "1"])
        #expect(Self.members(report, "won_deals", period: "2026-11") == ["C/retail": "1"])
    }

    @Test func aViewOfAnEntityWithoutThePathIsNotRestricted() throws {
        // Activities have no stage: each member's figure adds all of u1's October activities
        // (x1, x2, x3) to the deals of that stage (won o1, o2; lost o3).
        let mixed = """
            return indicator { id = "touches", per = "user", value = function(s)
              return s.opportunities:during("closed_at"):count() + s.activities:during("occurred_at"):count()
            end }
            """
        let report = try Self.run([mixed], by: ["stage"])
        let u1 = Self.members(report, "touches").filter { $0.key.hasPrefix("u1/") }
        #expect(u1 == ["u1/lost": "4", "u1/won": "5"])
        #expect(report.results.first { $0.subjectID == "u1" }?.value.plainText == "6")
    }

    @Test func anIndicatorReadingNoViewWithThePathGetsNoBreakdown() throws {
        let activities = """
            return indicator { id = "activities", per = "user", value = function(s)
              return s.activities:during("occurred_at"):count()
            end }
            """
        let report = try Self.run([activities, Self.wonDeals], by: ["stage"])
        #expect(!report.breakdowns.contains { $0.indicatorID == "activities" })
        #expect(Self.members(report, "won_deals") == ["u1/won": "2", "u2/won": "1"])
    }

    @Test func byAPathNoEntityHasFailsTheRun() throws {
        #expect {
            try Self.run([Self.wonDeals], by: ["account.colour"])
        } throws: { error in
            (error as? EvaluationError)?.message.contains("no mapped entity has the field account.colour") == true
        }
    }

    @Test func byAPathNoSelectedIndicatorReadsAddsNothing() throws {
        // Cases have a priority; no indicator reads cases.
        let report = try Self.run([Self.wonDeals], by: ["priority"])
        #expect(report.breakdowns.isEmpty)
        #expect(CSVReportWriter.bytes(report) == CSVReportWriter.bytes(try Self.run([Self.wonDeals])))
    }

    @Test func aDeclaredBreakdownAppliesToItsIndicatorOnly() throws {
        let declared = """
            return indicator { id = "won_by_industry", per = "user", breakdown = { "account.industry" },
              value = function(s) return s.opportunities:during("closed_at"):where{ stage = "won" }:count() end }
            """
        let report = try Self.run([declared, Self.closedDeals])
        #expect(Set(report.breakdowns.map(\.indicatorID)) == ["won_by_industry"])
        #expect(Self.members(report, "won_by_industry") == ["u1/retail": "1", "u1/tech": "1", "u2/retail": "1"])
    }

    @Test func aDeclaredPathNoEntityHasFailsItsIndicatorAtItsFile() throws {
        let declared = """
            return indicator { id = "bad", per = "user", breakdown = "colour",
              value = function(s) return s.opportunities:count() end }
            """
        let report = try Self.run([declared])
        #expect(report.errors.map(\.file) == ["indicators/i0.lua"])
        #expect(report.errors.first?.message.contains("breakdown colour") == true)
        #expect(report.results.map(\.value.plainText) == ["4", "2", "2"])
    }

    @Test func aBadBreakdownDeclarationFailsItsFile() throws {
        let declared = """
            return indicator { id = "bad", per = "user",
              breakdown = 5, value = function(s) return 1 end }
            """
        let report = try Self.run([declared])
        // `return indicator { … }` is a tail call: Lua keeps the file, not the line.
        #expect(report.errors.map(\.file) == ["indicators/i0.lua"])
        #expect(
            report.errors.first?.message
                == #"indicator "bad": breakdown takes a field path ("product.family"), cohort{ key, first, by } or a list of them"#
        )
    }

    @Test func sAllViewsAreRestrictedToTheMemberToo() throws {
        let share = """
            return indicator { id = "share", per = "user", value = function(s)
              return ratio(s.opportunities:during("closed_at"):count(), s.all.opportunities:during("closed_at"):count())
            end }
            """
        let report = try Self.run([share], by: ["account.industry"])
        // Company-wide in October: retail o1, o3, o4 (3); tech o2 (1); none o8 (1).
        // u1: retail 2/3, tech 1/1; u2: retail 1/3; u3: none 1/1.
        #expect(
            Self.members(report, "share") == [
                "u1/retail": "\(2.0 / 3.0)", "u1/tech": "1", "u2/retail": "\(1.0 / 3.0)", "u3/(none)": "1",
            ])
    }

    @Test func theBatchedPathTakesColumnModeForEveryCellAndRunsNoQueryPerCell() throws {
        let report = try Self.run([Self.wonDeals, Self.closedDeals], by: ["account.industry"], grains: [.user, .team])
        let statistics = try #require(report.statistics)
        // 2 indicators × (3 users + 2 teams) × 3 members (retail, tech, (none)) = 30 figures,
        // reported or not, all in column mode.
        #expect(statistics.breakdownFigures.total == 2 * 5 * 3)
        #expect(statistics.breakdownFigures.columnMode == statistics.breakdownFigures.total)
        #expect(statistics.breakdownSubjectQueries == 0)
    }

    @Test func everyEvaluationPathGivesTheSameBreakdown() throws {
        let branching = """
            return indicator { id = "branching", per = "user", value = function(s)
              local n = s.opportunities:during("closed_at"):count()
              if n > 1 then return n * 10 end
              return s.opportunities:during("closed_at"):sum("amount")
            end }
            """
        let sources = [Self.wonDeals, Self.closedDeals, branching]
        let batched = try Self.run(sources, by: ["account.industry"], grains: [.user, .team, .company])
        let perCell = try Self.run(
            sources, by: ["account.industry"], grains: [.user, .team, .company], partitioned: false, columnMode: false)
        #expect(batched.breakdowns == perCell.breakdowns)
        #expect(try #require(perCell.statistics).breakdownSubjectQueries > 0)
        // u1 retail: o1 and o3 closed (n = 2 → 20); tech: o2 alone (n = 1 → its amount 200.2).
        #expect(Self.members(batched, "branching")["u1/retail"] == "20")
        #expect(Self.members(batched, "branching")["u1/tech"] == "200.2")
    }
}
