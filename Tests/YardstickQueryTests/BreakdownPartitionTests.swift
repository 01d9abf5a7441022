import Foundation
import Testing
import YardstickData
import YardstickTestSupport

@testable import YardstickQuery

/// A partition split by a breakdown's members computes every subject × member cell in one pass;
/// each cell must equal the value of the subject's own query restricted to the member
/// (`QueryScope.member`), for every plan and aggregate of ``PartitionRunTests``, over the
/// generated workspace (deals and activities without an account form the empty member; the
/// accounts entity has no `account.industry`, so its rows are not restricted).
@Suite struct BreakdownPartitionTests {
    let engine: QueryEngine

    init() throws {
        engine = try GeneratedSales.engine()
    }

    static let industry = BreakdownDimension.path(FieldPath("account.industry"))

    func expectCellsSameAsRestrictedScopes(
        _ subjects: [QueryScope.Subject], partition: SubjectPartition, periods: [PeriodDays]
    ) throws {
        let members = try engine.members(of: Self.industry)
        let split = partition.members == nil ? partition.splitting(by: members) : partition
        #expect(split.count == subjects.count * members.count)
        for (plan, aggregate, group) in PartitionRunTests.cases {
            let prepared = try engine.prepare(aggregate, of: try engine.prepare(plan), groupedBy: group)
            let grouped = try engine.run(prepared, for: split, periods: periods)
            for (periodIndex, period) in periods.enumerated() {
                for (subjectIndex, subject) in subjects.enumerated() {
                    for memberIndex in 0..<members.count {
                        let restriction = MemberRestriction(
                            dimension: Self.industry, member: members.member(at: memberIndex))
                        let alone = try engine.run(
                            prepared,
                            in: QueryScope(
                                subject: subject, firstDay: period.firstDay, lastDay: period.lastDay,
                                member: restriction))
                        let together = grouped[periodIndex][subjectIndex * members.count + memberIndex]
                        #expect(
                            PartitionRunTests.same(alone, together),
                            "\(plan.filters) \(aggregate) in \(period) for \(subject) × \(restriction.label): alone \(alone), together \(together)"
                        )
                    }
                }
            }
        }
    }

    @Test func membersAreTheValuesInTextOrderWithTheEmptyMemberLast() throws {
        let members = try engine.members(of: Self.industry)
        #expect(members.labels == ["health", "retail", "tech"])
        #expect(members.count == 4)
        #expect(members.member(at: 3) == nil)
        #expect(members.index(of: nil) == 3)
        #expect(members.index(of: "mining") == nil)
        // Deals and activities reach the industry through their account; accounts do not.
        #expect(members.entities == ["activities", "opportunities"])
    }

    @Test func usersSplitByIndustryEqualRestrictedPerUserValues() throws {
        let users = try #require(engine.dataset["users"]).rowCount
        let subjects: [QueryScope.Subject] = (0..<users).map { .users([Int32($0)]) }
        let partition = try #require(SubjectPartition(subjects, targetCount: users))
        try expectCellsSameAsRestrictedScopes(
            subjects, partition: partition, periods: Array(PartitionRunTests.months.prefix(3)))
    }

    @Test func theCompanySplitByIndustryEqualsRestrictedCompanyValues() throws {
        let members = try engine.members(of: Self.industry)
        try expectCellsSameAsRestrictedScopes(
            [.company], partition: .company(splitBy: members), periods: [PartitionRunTests.months[9]])
    }

    @Test func aRestrictionToAMemberNoRowHasSelectsNothing() throws {
        let plan = QueryPlan(entity: "opportunities", filters: [])
        let scope = QueryScope(
            subject: .company, firstDay: 0, lastDay: 0,
            member: MemberRestriction(dimension: Self.industry, member: "mining"))
        #expect(try engine.aggregate(.count, of: plan, in: scope) == .integer(0))
    }

    @Test func aPathNoEntityHasIsAnError() {
        #expect(throws: QueryError.self) { try engine.members(of: .path(FieldPath("account.colour"))) }
    }

    @Test func dimensionsReadBackFromTheirText() {
        #expect(BreakdownDimension("product.family") == .path(FieldPath("product.family")))
        #expect(
            BreakdownDimension("cohort:account:ordered_at")
                == .cohort(.init(key: FieldPath("account"), first: "ordered_at", unit: .month)))
        #expect(
            BreakdownDimension("cohort:account:ordered_at:quarter")?.description == "cohort:account:ordered_at:quarter")
        #expect(BreakdownDimension("cohort:account") == nil)
        #expect(BreakdownDimension("cohort:account:ordered_at:week") == nil)
        #expect(BreakdownDimension("product..family") == nil)
        #expect(BreakdownDimension("1product") == nil)
    }
}
