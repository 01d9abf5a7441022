import Foundation
import Testing
import YardstickData

@testable import YardstickEngine

/// Which rows of each entity a run needs, decided from hand-written indicator files over the
/// Maven workspace's vocabulary (opportunities placed by `closed_at` or `created_at`; users,
/// accounts and products referred to by other entities). Days count from 1970-01-01:
/// 2017-09-01 is 17410, 2017-10-01 17440, 2017-11-01 17471, 2016-10-01 17075, 2016-11-01 17106.
struct EntityReadWindowsTests {
    static let maven = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../examples/maven-sales").standardizedFileURL.path

    static func windows(_ values: [String], periods: [Period] = [.month(year: 2017, month: 10)], grains: [Grain] = [])
        throws -> EntityReadWindows
    {
        let workspace = try Workspace.open(directory: maven)
        let sources = values.enumerated().map { index, value in
            Evaluator.Source(
                file: "indicators/i\(index).lua",
                text: "return indicator { id = \"i\(index)\", per = \"user\", value = function(s, k)\n\(value)\nend }")
        }
        return EntityReadWindows(workspace: workspace, sources: sources, periods: periods, grains: grains)
    }

    static func isAllHistory(_ reach: EntityReadWindows.Reach) -> Bool {
        if case .allHistory = reach { return true }
        return false
    }

    @Test func aMonthOfWonDealsReadsOnlyTheDealsClosedThatMonth() throws {
        let windows = try Self.windows([
            "return s.opportunities:where{ stage = \"won\" }:during(\"closed_at\"):sum(\"amount\")",
            "return s.opportunities:during(\"closed_at\"):count()",
        ])
        #expect(windows.reach(of: "opportunities") == .days(field: "closed_at", from: 17440, until: 17471))
        #expect(windows.windows.map(\.entity) == ["opportunities"])
    }

    @Test func entitiesOthersReferToOrNoIndicatorReadsAreReadWhole() throws {
        let windows = try Self.windows(["return s.opportunities:during(\"closed_at\"):count()"])
        #expect(Self.isAllHistory(windows.reach(of: "users")))
        #expect(Self.isAllHistory(windows.reach(of: "accounts")))
        #expect(windows.reach(of: "surveys") == .allHistory(reason: "no indicator reads it"))
    }

    @Test func thePreviousPeriodWidensTheRangeBackOnePeriod() throws {
        let windows = try Self.windows([
            """
            local now = s.opportunities:during("closed_at"):sum("amount")
            local before = s.previous.opportunities:during("closed_at"):sum("amount")
            return ratio(now - before, before)
            """
        ])
        #expect(windows.reach(of: "opportunities") == .days(field: "closed_at", from: 17410, until: 17471))
    }

    @Test func theSamePeriodLastYearAndSeveralPeriodsGiveTheirHull() throws {
        let lastYear = try Self.windows(["return s.same_period_last_year.opportunities:during(\"closed_at\"):count()"])
        #expect(lastYear.reach(of: "opportunities") == .days(field: "closed_at", from: 17075, until: 17106))
        let twoMonths = try Self.windows(
            ["return s.opportunities:during(\"closed_at\"):count()"],
            periods: [.month(year: 2017, month: 9), .month(year: 2017, month: 10)])
        #expect(twoMonths.reach(of: "opportunities") == .days(field: "closed_at", from: 17410, until: 17471))
    }

    @Test func aReadWithoutDuringReadsAllHistory() throws {
        let windows = try Self.windows([
            "return s.opportunities:during(\"closed_at\"):count()",
            "return s.opportunities:where{ stage = { \"in\", { \"prospecting\" } } }:count()",
        ])
        #expect(windows.reach(of: "opportunities") == .allHistory(reason: "indicators/i1.lua reads it without during"))
    }

    @Test func aViewReadBothNarrowedAndWholeReadsAllHistory() throws {
        let windows = try Self.windows([
            """
            local deals = s.opportunities
            return ratio(deals:during("closed_at"):count(), deals:count())
            """
        ])
        #expect(Self.isAllHistory(windows.reach(of: "opportunities")))
    }

    @Test func twoDateFieldsReadAllHistory() throws {
        let windows = try Self.windows([
            "return s.opportunities:during(\"closed_at\"):count()",
            "return s.opportunities:during(\"created_at\"):count()",
        ])
        #expect(
            windows.reach(of: "opportunities")
                == .allHistory(reason: "indicators/i0.lua places it by closed_at, indicators/i1.lua by created_at")
                || windows.reach(of: "opportunities")
                    == .allHistory(reason: "indicators/i1.lua places it by created_at, indicators/i0.lua by closed_at")
        )
    }

    @Test func aNewCustomersKeyViewReadsAllHistoryButAKeyViewOfThePeriodDoesNot() throws {
        let firstEver = try Self.windows([
            """
            return s.opportunities:per("account", { closed_at = { "min", "closed_at" } }):during("closed_at"):count()
            """
        ])
        #expect(Self.isAllHistory(firstEver.reach(of: "opportunities")))
        let ofThePeriod = try Self.windows([
            "return s.opportunities:during(\"closed_at\"):per(\"account\", { n = \"count\" }):count()"
        ])
        #expect(ofThePeriod.reach(of: "opportunities") == .days(field: "closed_at", from: 17440, until: 17471))
    }

    @Test func aBranchThatMaySkipDuringReadsAllHistory() throws {
        let windows = try Self.windows([
            """
            local deals = s.opportunities
            if s.subject.id == "U1" then deals = deals:during("closed_at") end
            return deals:count()
            """
        ])
        #expect(Self.isAllHistory(windows.reach(of: "opportunities")))
        let bothNarrowed = try Self.windows([
            """
            local n = s.opportunities:during("closed_at"):count()
            if n == 0 then return missing("nothing closed") end
            return n
            """
        ])
        #expect(bothNarrowed.reach(of: "opportunities") == .days(field: "closed_at", from: 17440, until: 17471))
    }

    @Test(arguments: [
        "return s.opportunities:before(\"closed_at\"):count()",
        "local n = 0 for i = 1, 3 do n = n + s.opportunities:during(\"closed_at\"):count() end return n",
        "return helper(s)",
        "return s.opportunities:during(field_name):count()",
    ])
    func whatTheAnalysisCannotFollowMakesEveryEntityReadAllHistory(value: String) throws {
        let windows = try Self.windows(["return s.surveys:during(\"submitted_at\"):count()", value])
        #expect(Self.isAllHistory(windows.reach(of: "opportunities")))
        #expect(Self.isAllHistory(windows.reach(of: "surveys")))
    }

    @Test func anEntityGrainOrNoPeriodReadsAllHistory() throws {
        let perProduct = try Self.windows(["return s.opportunities:during(\"closed_at\"):count()"], grains: [.product])
        #expect(Self.isAllHistory(perProduct.reach(of: "opportunities")))
        let noPeriod = try Self.windows(["return s.opportunities:during(\"closed_at\"):count()"], periods: [])
        #expect(noPeriod.reach(of: "opportunities") == .allHistory(reason: "no period"))
    }

    @Test func aSelectionOfIdsAnalysesTheirFilesAndTheIndicatorsTheyRead() throws {
        let workspace = try Workspace.open(directory: Self.maven)
        let all = try IndicatorDiscovery.selection(argument: nil, workspace: Self.maven)
        let october: [Period] = [.month(year: 2017, month: 10)]
        // avg_won_deal reads won_revenue and won_deals with k(…): all three place deals by closed_at.
        var derived = all
        derived.ids = ["avg_won_deal"]
        let narrow = EntityReadWindows(workspace: workspace, selection: derived, periods: october)
        #expect(narrow.reach(of: "opportunities") == .days(field: "closed_at", from: 17440, until: 17471))
        // Every indicator: open_pipeline reads every deal.
        let whole = EntityReadWindows(workspace: workspace, selection: all, periods: october)
        #expect(Self.isAllHistory(whole.reach(of: "opportunities")))
    }
}
