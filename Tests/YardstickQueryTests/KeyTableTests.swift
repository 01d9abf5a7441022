import Testing
import YardstickData

@testable import YardstickQuery

/// Key tables combined and aggregated directly, with values worked out by hand.
@Suite struct KeyTableTests {
    /// A table keyed by account rows (domain `rows(accounts)`), one per-key field `n`.
    static func accounts(_ rows: [Int64], names: [String], n: [QueryValue]) -> KeyTable {
        KeyTable(
            domain: .rows("accounts"), codes: rows, keys: names.map { .text($0) }, names: ["n"], columns: [n])
    }

    static let left = accounts([0, 1, 2], names: ["a1", "a2", "a3"], n: [.integer(1), .integer(2), .integer(1)])
    static let right = accounts([1, 3], names: ["a2", "a4"], n: [.integer(5), .integer(7)])

    @Test func setOperationsMatchCodesOfTheSameDomain() {
        #expect(KeySetCombiner.combine(Self.left, .minus, Self.right).keys == [.text("a1"), .text("a3")])
        #expect(KeySetCombiner.combine(Self.left, .intersect, Self.right).keys == [.text("a2")])
        let union = KeySetCombiner.combine(Self.left, .union, Self.right)
        #expect(union.keys == [.text("a1"), .text("a2"), .text("a3"), .text("a4")])
        // a4 comes from the right side with its own n; a2 keeps the left side's.
        #expect(union.columns[0] == [.integer(1), .integer(2), .integer(1), .integer(7)])
    }

    @Test func tablesOfDifferentDomainsMatchByKeyText() {
        // The same names coded by another column's dictionary: codes differ, texts match.
        let other = KeyTable(
            domain: .column("leads.company"), codes: [9, 8], keys: [.text("a3"), .text("zz")], names: ["m"],
            columns: [[.integer(4), .integer(6)]])
        #expect(KeySetCombiner.combine(Self.left, .intersect, other).keys == [.text("a3")])
        let union = KeySetCombiner.combine(Self.left, .union, other)
        #expect(union.count == 4)
        // The left side has no field m: zz's n is null.
        #expect(union.columns[0][3] == KeyTable.null)
        #expect(union.domain == .local)
    }

    @Test func aggregatesSkipNullsAndKeepTheirTypes() throws {
        let table = Self.accounts(
            [0, 1, 2, 3], names: ["a1", "a2", "a3", "a4"],
            n: [
                .decimal(ExactDecimal(scaled: 150_000)), KeyTable.null, .decimal(ExactDecimal(scaled: 50_000)),
                .decimal(ExactDecimal(scaled: 100_000)),
            ])
        let n = Measure.field(FieldPath("n"))
        #expect(try KeyFold.fold(.count, table) == .integer(4))
        #expect(try KeyFold.fold(.sum(n), table) == .decimal(ExactDecimal(scaled: 300_000)))
        #expect(try KeyFold.fold(.average(n), table) == .number(ExactDecimal(scaled: 300_000).doubleValue / 3))
        #expect(try KeyFold.fold(.minimum(n), table) == .decimal(ExactDecimal(scaled: 50_000)))
        #expect(try KeyFold.fold(.median(n), table) == .number(ExactDecimal(scaled: 100_000).doubleValue))
        #expect(try KeyFold.fold(.countDistinct(.field(FieldPath("key"))), table) == .integer(4))
        let empty = table.selecting([])
        #expect(try KeyFold.fold(.sum(n), empty) == .integer(0))
        #expect(try KeyFold.fold(.maximum(n), empty) == .missing("no keys"))
    }

    @Test func filtersReadThePeriodOfTheirScope() throws {
        let firsts = KeyTable(
            domain: .rows("accounts"), codes: [0, 1, 2], keys: [.text("a1"), .text("a2"), .text("a3")],
            names: ["first"], columns: [[.date(100), .date(131), .date(99)]])
        let clock = ZoneClock(timeZone: .gmt)
        let october = PeriodDays(firstDay: 100, lastDay: 130)
        let during = KeyFilterTest(filter: .during("first"), period: october, clock: clock)
        #expect(try during.apply(firsts).keys == [.text("a1")])
        let before = KeyFilterTest(filter: .before("first"), period: october, clock: clock)
        #expect(try before.apply(firsts).keys == [.text("a3")])
        let notA2 = KeyFilterTest(
            filter: .compare(FieldPath("key"), .notEqual, .text("a2")), period: october, clock: clock)
        #expect(try notA2.apply(firsts).keys == [.text("a1"), .text("a3")])
    }
}
