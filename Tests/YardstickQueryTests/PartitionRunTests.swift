import Foundation
import Testing
import YardstickData
import YardstickTestSupport

@testable import YardstickQuery

/// `QueryEngine.run(_:for:periods:)` computes every subject and period in one pass; these tests
/// check that each of its values equals the value of the per-subject path
/// (`QueryEngine.run(_:in:)`) for the same subject and period, over generated data with empty
/// cells, several subject kinds and every way the partition path reads rows (one scan for many
/// periods, the date index for a short period, one scan per period, one scan for all).
@Suite struct PartitionRunTests {
    let engine: QueryEngine

    init() throws {
        engine = try GeneratedSales.engine()
    }

    /// The plans and aggregates compared, covering each fold of `PartitionFolder`.
    static let cases: [(QueryPlan, Aggregate, Measure?)] = {
        let opportunities = "opportunities"
        let won = QueryFilter.compare(FieldPath("stage"), .equal, .text("won"))
        let closed = QueryFilter.during("closed_at")
        let amount = Measure.field(FieldPath("amount"))
        let cycle = Measure.duration(from: "created_at", to: "closed_at", hours: false)
        let plans = [
            QueryPlan(entity: opportunities, filters: [won, closed]),
            QueryPlan(entity: opportunities, filters: [closed]),
            QueryPlan(
                entity: opportunities,
                filters: [
                    .during("created_at"), .oneOf(FieldPath("stage"), [.text("won"), .text("lost")], negated: true),
                ]),
            QueryPlan(
                entity: opportunities,
                filters: [.before("created_at"), .compare(FieldPath("stage"), .notEqual, .text("lost"))]),
            QueryPlan(entity: opportunities, filters: [.between("created_at", 20_454, 20_600), closed]),
            QueryPlan(
                entity: opportunities, filters: [.compare(FieldPath("account.industry"), .equal, .text("retail"))]),
            QueryPlan(entity: opportunities, restrictedToSubject: false, filters: [won, closed]),
        ]
        let aggregates: [(Aggregate, Measure?)] = [
            (.count, nil), (.sum(amount), nil), (.average(amount), nil), (.average(cycle), nil), (.sum(cycle), nil),
            (.countDistinct(.field(FieldPath("account"))), nil), (.countDistinct(.field(FieldPath("stage"))), nil),
            (.countDistinct(.field(FieldPath("created_at"))), nil),
            (.countDistinct(.field(FieldPath("closed_at"))), nil),
            (.countDistinct(amount), nil),
            (.minimum(amount), nil), (.maximum(.field(FieldPath("account"))), nil), (.median(amount), nil),
            (.percentile(cycle, 90), nil), (.distinct(.field(FieldPath("stage"))), nil),
            (.first(amount, by: .field(FieldPath("closed_at"))), nil),
            (.last(amount, by: .field(FieldPath("created_at"))), nil),
            (.top(3, amount), nil), (.count, .field(FieldPath("stage"))),
            (.sum(amount), .field(FieldPath("account.industry"))),
        ]
        var cases: [(QueryPlan, Aggregate, Measure?)] = []
        for plan in plans {
            for (aggregate, group) in aggregates { cases.append((plan, aggregate, group)) }
        }
        let activities = QueryPlan(entity: "activities", filters: [.during("occurred_at")])
        cases.append((activities, .countDistinct(.field(FieldPath("account"))), nil))
        cases.append(
            (
                QueryPlan(
                    entity: "activities",
                    filters: [.during("occurred_at"), .compare(FieldPath("type"), .equal, .text("call"))]), .count, nil
            ))
        cases.append((QueryPlan(entity: "accounts", filters: [.during("created_at")]), .count, nil))
        return cases
    }()

    static let months: [PeriodDays] = (1...12).map { month in
        PeriodDays(
            firstDay: Int32(CivilDate.dayNumber(year: 2026, month: month, day: 1)),
            lastDay: Int32(
                CivilDate.dayNumber(year: month == 12 ? 2027 : 2026, month: month == 12 ? 1 : month + 1, day: 1)) - 1)
    }

    /// Compares every case for one partition of subjects and one list of periods.
    func expectSameAsPerSubject(_ subjects: [QueryScope.Subject], targetCount: Int, periods: [PeriodDays]) throws {
        let partition = try #require(SubjectPartition(subjects, targetCount: targetCount))
        for (plan, aggregate, group) in Self.cases {
            let prepared = try engine.prepare(aggregate, of: try engine.prepare(plan), groupedBy: group)
            let grouped: [[QueryValue]]
            do {
                grouped = try engine.run(prepared, for: partition, periods: periods)
            } catch {
                // A plan that cannot be restricted to these subjects fails the same way alone.
                #expect(throws: QueryError.self) {
                    try engine.run(prepared, in: QueryScope(subject: subjects[0], firstDay: 0, lastDay: 0))
                }
                continue
            }
            #expect(grouped.count == periods.count)
            for (periodIndex, period) in periods.enumerated() {
                for (subjectIndex, subject) in subjects.enumerated() {
                    let alone = try engine.run(
                        prepared, in: QueryScope(subject: subject, firstDay: period.firstDay, lastDay: period.lastDay))
                    let together = grouped[periodIndex][subjectIndex]
                    #expect(
                        Self.same(alone, together),
                        "\(plan.filters) \(aggregate) by \(group?.description ?? "-") in \(period) for \(subject): alone \(alone), together \(together)"
                    )
                }
            }
        }
    }

    /// Equal values; sums of doubles may differ in the last bits with the row order.
    static func same(_ a: QueryValue, _ b: QueryValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x == y || abs(x - y) <= 1e-9 * max(abs(x), abs(y))
        case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.groups(let x), .groups(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && same($0.value, $1.value) }
        default: return a == b
        }
    }

    @Test func usersOverTwelveMonthsEqualPerUserValues() throws {
        let users = try #require(engine.dataset["users"]).rowCount
        try expectSameAsPerSubject((0..<users).map { .users([Int32($0)]) }, targetCount: users, periods: Self.months)
    }

    @Test func distinctCountsOfDatesAndCodesAreFoldedWhileScanning() throws {
        let users = try #require(engine.dataset["users"]).rowCount
        let partition = try #require(
            SubjectPartition((0..<users).map { .users([Int32($0)]) }, targetCount: users))
        let plan = try engine.prepare(QueryPlan(entity: "opportunities", filters: [.during("created_at")]))
        let owners = try #require(plan.compiled.table[try engine.partitionField(plan.compiled, .users)])
        let selector = PartitionSelector(
            compiled: plan.compiled, owners: owners.referencedRows, subjectOfTarget: partition.subjectOfTarget)
        // Amounts span too many scaled values to count as codes: they fold from row lists.
        for field in ["created_at", "closed_at", "stage"] {
            let prepared = try engine.prepare(.countDistinct(.field(FieldPath(field))), of: plan)
            // Scanned into per-cell arrays: no Accumulator per subject and period.
            let folded = PartitionFolder(prepared: prepared).foldWhileScanning(selector, Self.months, users)
            #expect(folded != nil, "count_distinct(\(field)) folded from row lists")
            let rowLists = PartitionFolder(prepared: prepared).foldRowLists(selector, Self.months, users)
            #expect(folded?.0 == rowLists.0)
        }
    }

    @Test func theOneShotAggregateEqualsThePreparedRun() throws {
        let scopes = [
            QueryScope(subject: .users([0]), firstDay: Self.months[9].firstDay, lastDay: Self.months[9].lastDay),
            QueryScope(subject: .company, firstDay: Self.months[0].firstDay, lastDay: Self.months[11].lastDay),
        ]
        for (plan, aggregate, group) in Self.cases {
            let prepared = try engine.prepare(aggregate, of: try engine.prepare(plan), groupedBy: group)
            for scope in scopes {
                let expected: QueryValue
                do {
                    expected = try engine.run(prepared, in: scope)
                } catch {
                    #expect(throws: QueryError.self) {
                        try engine.aggregate(aggregate, of: plan, in: scope, groupedBy: group)
                    }
                    continue
                }
                let oneShot = try engine.aggregate(aggregate, of: plan, in: scope, groupedBy: group)
                #expect(
                    Self.same(oneShot, expected),
                    "\(plan.filters) \(aggregate) by \(group?.description ?? "-") in \(scope)")
            }
        }
    }

    @Test func teamsAsUnionsOfUsersEqualPerTeamValues() throws {
        let users = try #require(engine.dataset["users"]).rowCount
        // Teams of users 0,4,8,… / 1,5,9,… / … and one user left out of every team.
        let teams: [QueryScope.Subject] = (0..<4).map { team in
            .users(stride(from: team, to: users - 1, by: 4).map { Int32($0) })
        }
        try expectSameAsPerSubject(teams, targetCount: users, periods: Array(Self.months.prefix(4)))
    }

    @Test func accountsEqualPerAccountValues() throws {
        let accounts = try #require(engine.dataset["accounts"]).rowCount
        try expectSameAsPerSubject(
            (0..<accounts).map { .accounts([Int32($0)]) }, targetCount: accounts, periods: [Self.months[9]])
    }

    @Test func aShortPeriodReadThroughTheDateIndexEqualsPerUserValues() throws {
        let users = try #require(engine.dataset["users"]).rowCount
        let day = Self.months[9].firstDay + 4
        try expectSameAsPerSubject(
            (0..<users).map { .users([Int32($0)]) }, targetCount: users,
            periods: [PeriodDays(firstDay: day, lastDay: day)])
    }

    @Test func overlappingPeriodsAreEachComputedAlone() throws {
        let users = try #require(engine.dataset["users"]).rowCount
        let quarter = PeriodDays(firstDay: Self.months[9].firstDay, lastDay: Self.months[11].lastDay)
        try expectSameAsPerSubject(
            (0..<users).map { .users([Int32($0)]) }, targetCount: users, periods: [quarter, Self.months[10]])
    }

    @Test func subjectsSharingAUserAreNotAPartition() {
        #expect(SubjectPartition([.users([0, 1]), .users([1, 2])], targetCount: 3) == nil)
        #expect(SubjectPartition([.users([0]), .accounts([0])], targetCount: 3) == nil)
        #expect(SubjectPartition([.company], targetCount: 3) == nil)
        #expect(SubjectPartition([.users([5])], targetCount: 3) == nil)
        #expect(SubjectPartition([.users([0]), .users([2])], targetCount: 3)?.count == 2)
    }

    @Test func sharedRunsComputeEachAggregateOnceForAllRunPeriods() throws {
        let users = try #require(engine.dataset["users"]).rowCount
        let partition = try #require(SubjectPartition((0..<users).map { .users([Int32($0)]) }, targetCount: users))
        let runs = PartitionRuns(engine: engine, partition: partition, periods: Self.months)
        let plan = try engine.prepare(QueryPlan(entity: "opportunities", filters: [.during("closed_at")]))
        let first = try engine.prepare(.count, of: plan)
        let equal = try engine.prepare(
            .count, of: try engine.prepare(QueryPlan(entity: "opportunities", filters: [.during("closed_at")])))
        let march = try runs.values(of: first, in: Self.months[2])
        // An equal aggregate prepared elsewhere finds the same values.
        #expect(try runs.values(of: equal, in: Self.months[2]) == march)
        // A period outside the run is computed alone, with the same result as per subject.
        let odd = PeriodDays(firstDay: Self.months[2].firstDay + 3, lastDay: Self.months[2].lastDay + 9)
        let values = try runs.values(of: first, in: odd)
        for user in 0..<users {
            let alone = try engine.run(
                first, in: QueryScope(subject: .users([Int32(user)]), firstDay: odd.firstDay, lastDay: odd.lastDay))
            #expect(values[user] == alone)
        }
    }
}

/// A generated sales workspace: 40 users, 60 accounts, 1,500 deals and 3,000 activities over
/// 2025–2026, with empty amounts, dates and accounts sprinkled in. Deterministic (fixed seed).
enum GeneratedSales {
    static func engine() throws -> QueryEngine {
        var random = SeededRandom(seed: 42)
        let directory = try TemporaryDirectory(prefix: "grouped")
        var files: [String: String] = [:]
        files["yardstick.toml"] = """
            [workspace]
            name = "Generated"
            [entities.users]
            file = "users.csv"
            [entities.accounts]
            file = "accounts.csv"
            [entities.opportunities]
            file = "opportunities.csv"
            [entities.activities]
            file = "activities.csv"

            """
        files["data/users.csv"] = "id,name\n" + (0..<40).map { "u\($0),User \($0)\n" }.joined()
        let industries = ["retail", "tech", "health"]
        files["data/accounts.csv"] =
            "id,name,industry,owner,created_at\n"
            + (0..<60).map { index in
                "a\(index),Account \(index),\(industries[index % 3]),u\(random.next(40)),\(date(&random))\n"
            }.joined()
        let stages = ["won", "lost", "qualification", "proposal"]
        var deals = "id,account,owner,stage,amount,created_at,closed_at\n"
        for index in 0..<1_500 {
            let stage = stages[random.next(4)]
            let account = random.next(10) == 0 ? "" : "a\(random.next(60))"
            let amount = random.next(12) == 0 ? "" : "\(random.next(5_000)).\(random.next(100))"
            let created = random.next(15) == 0 ? "" : date(&random)
            let closed = stage == "won" || stage == "lost" ? (random.next(20) == 0 ? "" : date(&random)) : ""
            deals += "o\(index),\(account),u\(random.next(40)),\(stage),\(amount),\(created),\(closed)\n"
        }
        files["data/opportunities.csv"] = deals
        let types = ["call", "visit", "email"]
        var activities = "id,type,owner,account,occurred_at\n"
        for index in 0..<3_000 {
            let account = random.next(8) == 0 ? "" : "a\(random.next(60))"
            activities +=
                "x\(index),\(types[random.next(3)]),u\(random.next(40)),\(account),\(date(&random)) 0\(random.next(10)):00:00\n"
        }
        files["data/activities.csv"] = activities
        try directory.write(files)
        let workspace = try Workspace.open(directory: directory.path)
        let (dataset, _) = try DataLoader(workspace: workspace).load()
        return QueryEngine(dataset: dataset)
    }

    /// A day in 2025-01..2026-12 as YYYY-MM-DD.
    static func date(_ random: inout SeededRandom) -> String {
        let year = 2025 + random.next(2)
        let month = 1 + random.next(12)
        let day = 1 + random.next(28)
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}

/// A small deterministic generator (SplitMix64), so generated data is the same on every run.
struct SeededRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(bound))
    }
}
