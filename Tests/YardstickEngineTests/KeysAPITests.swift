import Foundation
import Testing
import YardstickData
import YardstickQuery

@testable import YardstickEngine

/// Key views through the Lua API, with values worked out by hand from ``KeysFixture``'s rows.
@Suite struct KeysAPITests {
    static let newCustomers =
        #"return s.orders:per("account", { first = { "min", "ordered_at" } }):during("first"):count()"#

    @Test func newCustomersCountKeysWhoseFirstEventEverFallsInThePeriod() throws {
        // u1: a2 first on Oct 1 and a3 first on Oct 31 (both ends of the month count); a1 (Aug),
        // a4 (Sep 30), a5 (Nov 1) and a6 (Jul) do not. u2's only account is new to u2 in October.
        let october = try KeysFixture.values([Self.newCustomers])[0]
        #expect(october["u1"] == .integer(2))
        #expect(october["u2"] == .integer(1))
        #expect(october["u3"] == .integer(0))
    }

    @Test func aFirstEventOnAPeriodBoundaryBelongsToThatPeriodOnly() throws {
        // a4's only order is on Sep 30, a5's on Nov 1.
        #expect(try KeysFixture.value(Self.newCustomers, period: .month(year: 2026, month: 9)) == .integer(1))
        #expect(try KeysFixture.value(Self.newCustomers, period: .month(year: 2026, month: 11)) == .integer(1))
        #expect(try KeysFixture.value(Self.newCustomers, period: .month(year: 2026, month: 12)) == .integer(0))
    }

    @Test func newToTheCompanyIsTheSameViewOverAllRecords() throws {
        // Over everyone's orders a1 first came on Aug 15 (u1), so for u2 only a2 and a3 are new.
        let body = #"return s.all.orders:per("account", { first = { "min", "ordered_at" } }):during("first"):count()"#
        #expect(try KeysFixture.value(body, user: "u2") == .integer(2))
    }

    @Test func accountsWithTwoOrMoreOrdersAndTheMeanOrderCount() throws {
        // October, u1: a1 1 order, a2 2, a3 1, a6 1 (o8 has no account): one with two or more,
        // mean 5 / 4 = 1.25.
        let values = try KeysFixture.values([
            #"return s.orders:during("ordered_at"):per("account", { n = "count" }):where{ n = { ">=", 2 } }:count()"#,
            #"return s.orders:during("ordered_at"):per("account", { n = "count" }):avg("n")"#,
        ])
        #expect(values[0]["u1"] == .integer(1))
        #expect(values[1]["u1"] == .number(1.25))
    }

    @Test func nullKeysAreNotKeys() throws {
        // Six October orders of u1, one without an account: four accounts.
        let values = try KeysFixture.values([
            #"return s.orders:during("ordered_at"):count()"#,
            #"return s.orders:during("ordered_at"):per("account"):count()"#,
        ])
        #expect(values[0]["u1"] == .integer(6))
        #expect(values[1]["u1"] == .integer(4))
    }

    @Test func shareOfAccountsBuyingTwoOrMoreFamilies() throws {
        // a2 bought Hardware (o3) and Software (o4); a1, a3 and a6 one family each: 1 / 4.
        let body = """
            local buyers = s.orders:during("ordered_at"):per("account", { families = { "count_distinct", "product.family" } })
            return ratio(buyers:where{ families = { ">=", 2 } }:count(), buyers:count())
            """
        #expect(try KeysFixture.value(body) == .number(0.25))
    }

    @Test func perKeyFilterThenAggregateAgain() throws {
        // Totals per account in October: a1 50, a2 220, a3 70, a6 15.
        let values = try KeysFixture.values([
            #"return s.orders:during("ordered_at"):per("account", { n = "count", total = { "sum", "amount" } }):where{ n = { ">=", 2 } }:sum("total")"#,
            #"return s.orders:during("ordered_at"):per("account", { total = { "sum", "amount" } }):avg("total")"#,
            #"return s.orders:during("ordered_at"):per("account", { total = { "sum", "amount" } }):median("total")"#,
            #"return s.orders:during("ordered_at"):per("account", { total = { "sum", "amount" } }):where{ total = { "<", 60 } }:count()"#,
        ])
        #expect(values[0]["u1"] == .decimal(ExactDecimal(scaled: 220 * ExactDecimal.unit)))
        #expect(values[1]["u1"] == .number(88.75))
        #expect(values[2]["u1"] == .number(60))
        #expect(values[3]["u1"] == .integer(2))
    }

    @Test func churnRetentionAndReactivation() throws {
        // Q3 (Jul–Sep) accounts of u1: a1, a4, a6; Q4 (Oct–Dec): a1, a2, a3, a5, a6.
        // Churned: a4. Retained: a1, a6 of three. New in Q4: a2, a3, a5.
        let quarter = Period.quarter(year: 2026, quarter: 4)
        let values = try KeysFixture.values(
            [
                """
                local cur = s.orders:during("ordered_at"):per("account")
                return s.previous.orders:during("ordered_at"):per("account"):minus(cur):count()
                """,
                """
                local cur = s.orders:during("ordered_at"):per("account")
                local prev = s.previous.orders:during("ordered_at"):per("account")
                return ratio(prev:intersect(cur):count(), prev:count())
                """,
                Self.newCustomers,
            ], period: quarter)
        #expect(values[0]["u1"] == .integer(1))
        #expect(values[1]["u1"] == .number(2.0 / 3.0))
        #expect(values[2]["u1"] == .integer(3))
        // u3 has no history at all: nobody to retain, so no rate.
        #expect(values[1]["u3"] == .missing(reason: "division by zero"))
        #expect(values[0]["u3"] == .integer(0))
    }

    @Test func reactivatedCustomersCameBackAfterAGap() throws {
        // October, u1: active a1, a2, a3, a6; September a4 only; before October a1, a4, a6.
        let body = """
            local cur = s.orders:during("ordered_at"):per("account")
            local prev = s.previous.orders:during("ordered_at"):per("account")
            local before = s.orders:before("ordered_at"):per("account")
            return cur:minus(prev):intersect(before):count()
            """
        #expect(try KeysFixture.value(body) == .integer(2))
    }

    @Test func keysOfDifferentEntitiesCombineByTheAccountTheyName() throws {
        // October, u1: orders a1, a2, a3, a6; activities a1, a5.
        let values = try KeysFixture.values([
            #"return s.orders:during("ordered_at"):per("account"):union(s.activities:during("occurred_at"):per("account")):count()"#,
            #"return s.orders:during("ordered_at"):per("account"):intersect(s.activities:during("occurred_at"):per("account")):count()"#,
            #"return s.activities:during("occurred_at"):per("account"):minus(s.orders:during("ordered_at"):per("account")):count()"#,
        ])
        #expect(values[0]["u1"] == .integer(5))
        #expect(values[1]["u1"] == .integer(1))
        #expect(values[2]["u1"] == .integer(1))
    }

    @Test func aUnionGivesTheOtherSidesKeysNullFields() throws {
        // Orders' n for a1, a2, a3, a6 (1, 2, 1, 1) plus a5 from activities with a null n:
        // the sum skips the null, the count of non-null n is 4.
        let values = try KeysFixture.values([
            #"return s.orders:during("ordered_at"):per("account", { n = "count" }):union(s.activities:during("occurred_at"):per("account")):sum("n")"#,
            #"return s.orders:during("ordered_at"):per("account", { n = "count" }):union(s.activities:during("occurred_at"):per("account")):where{ n = { "is nil" } }:count()"#,
        ])
        #expect(values[0]["u1"] == .integer(5))
        #expect(values[1]["u1"] == .integer(1))
    }

    @Test func betweenAndBeforeOnAPerKeyDate() throws {
        // First orders of u1's accounts: a1 Aug 15, a2 Oct 1, a3 Oct 31, a4 Sep 30, a5 Nov 1, a6 Jul 1.
        let values = try KeysFixture.values([
            #"return s.orders:per("account", { first = { "min", "ordered_at" } }):between("first", date(2026, 7, 1), date(2026, 8, 31)):count()"#,
            #"return s.orders:per("account", { first = { "min", "ordered_at" } }):before("first"):count()"#,
            #"return s.orders:per("account", { first = { "min", "ordered_at" } }):where{ first = { ">=", date(2026, 10, 31) } }:count()"#,
        ])
        #expect(values[0]["u1"] == .integer(2))
        #expect(values[1]["u1"] == .integer(3))
        #expect(values[2]["u1"] == .integer(2))
    }

    @Test func keysOfOtherTypesAndPaths() throws {
        // October, u1 by day: Oct 1 (o2, o3), Oct 15 (o8), Oct 20 (o11), Oct 31 (o4, o5).
        // By family: Hardware o3 (a2), o8 (no account); Software o2 (a1), o4 (a2); Services o5 (a3), o11 (a6).
        let values = try KeysFixture.values([
            #"return s.orders:during("ordered_at"):per("ordered_at", { n = "count" }):count()"#,
            #"return s.orders:during("ordered_at"):per("ordered_at", { n = "count" }):max("n")"#,
            #"return s.orders:during("ordered_at"):per("product.family", { accounts = { "count_distinct", "account" } }):sum("accounts")"#,
            #"return s.orders:during("ordered_at"):per("product.family"):where{ key = { "in", { "Hardware", "Services" } } }:count()"#,
        ])
        #expect(values[0]["u1"] == .integer(4))
        #expect(values[1]["u1"] == .integer(2))
        #expect(values[2]["u1"] == .integer(5))
        #expect(values[3]["u1"] == .integer(2))
    }

    @Test func firstAndLastPerKey() throws {
        // All history of u1: last order amounts a1 50 (Oct 1), a2 20, a3 70, a4 30, a5 10, a6 15.
        let body = #"return s.orders:per("account", { last = { "last", "amount", "ordered_at" } }):sum("last")"#
        #expect(try KeysFixture.value(body) == .decimal(ExactDecimal(scaled: 195 * ExactDecimal.unit)))
    }

    @Test func emptyViewsGiveEmptyKeyViews() throws {
        let values = try KeysFixture.values([
            #"return s.orders:where{ status = "cancelled" }:per("account", { n = "count" }):count()"#,
            #"return s.orders:where{ status = "cancelled" }:per("account", { n = "count" }):sum("n")"#,
            #"return s.orders:where{ status = "cancelled" }:per("account", { n = "count" }):avg("n")"#,
            #"return s.orders:during("ordered_at"):per("account", { n = "count" }):avg("n")"#,
        ])
        #expect(values[0]["u1"] == .integer(0))
        #expect(values[1]["u1"] == .integer(0))
        #expect(values[2]["u1"] == .missing(reason: "no keys"))
        // u3 has no orders at all.
        #expect(values[3]["u3"] == .missing(reason: "no keys"))
    }

    @Test func mistakesAreErrorsAtTheScriptsLine() throws {
        let (workspace, engine, _) = try KeysFixture.workspace()
        let sources = KeysFixture.sources([
            #"return s.orders:per("account"):where{ nope = 1 }:count()"#,
            #"return s.orders:minus(s.orders:per("account")):count()"#,
            #"return s.orders:per("account", { n = { "mode", "amount" } }):count()"#,
            #"return s.orders:per("account", { n = "count" }):during("n"):count()"#,
        ])
        let report = try Evaluator(engine: engine, workspace: workspace, workers: 1)
            .run(sources: sources, periods: [KeysFixture.october], grains: [.user])
        func failure(_ id: String) -> IndicatorFailure? { report.errors.first { $0.indicatorID == id } }
        #expect(failure("k00")?.message.contains("a key view has no field nope (fields: key)") == true)
        #expect(failure("k00")?.line == 2)
        #expect(failure("k01")?.message.contains("minus(other) combines key views") == true)
        #expect(failure("k02")?.message.contains("unknown function mode") == true)
        #expect(failure("k03")?.message.contains("n is not a date") == true)
    }
}
