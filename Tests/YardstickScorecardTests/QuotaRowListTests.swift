import Testing
import YardstickData
import YardstickEngine

@testable import YardstickScorecard

/// The sorted quota rows of one owner and metric: the rows a period may share days with are
/// found by binary search, not by reading every row the owner has.
@Suite struct QuotaRowListTests {
    static func day(_ year: Int, _ month: Int, _ day: Int) -> Int32 {
        CivilDate.dayNumber(year: year, month: month, day: day)
    }

    static func row(_ id: String, _ first: Int32, _ last: Int32) -> QuotaRow {
        QuotaRow(id: id, span: QuotaSpan(firstDay: first, lastDay: last), tiers: [.target: 1])
    }

    /// Monthly rows 2025-01 … 2026-12, given out of order.
    static let months: QuotaRowList = {
        var rows: [QuotaRow] = []
        for year in [2026, 2025] {
            for month in (1...12).reversed() {
                let first = day(year, month, 1)
                let last = day(year, month, CivilDate.daysInMonth(year: year, month: month))
                rows.append(row("m\(year)-" + (month < 10 ? "0" : "") + "\(month)", first, last))
            }
        }
        return QuotaRowList(rows)
    }()

    @Test func rowsAreSortedByTheirFirstDay() {
        #expect(Self.months.rows.count == 24)
        #expect(Self.months.rows.first?.id == "m2025-01")
        #expect(Self.months.rows.last?.id == "m2026-12")
    }

    @Test func aMonthOfMonthlyRowsHasOneCandidate() {
        let june = Self.months.candidates(first: Self.day(2025, 6, 1), last: Self.day(2025, 6, 30))
        #expect(june.map(\.id) == ["m2025-06"])
        // Half of June and half of July: the two rows, nothing else read.
        let straddling = Self.months.candidates(first: Self.day(2025, 6, 16), last: Self.day(2025, 7, 15))
        #expect(straddling.map(\.id) == ["m2025-06", "m2025-07"])
        #expect(straddling.startIndex == 5)
    }

    @Test func aQuarterHasItsThreeMonths() {
        let quarter = Self.months.overlapping(first: Self.day(2026, 4, 1), last: Self.day(2026, 6, 30))
        #expect(quarter.map(\.id) == ["m2026-04", "m2026-05", "m2026-06"])
    }

    @Test func periodsOutsideTheRowsHaveNone() {
        #expect(Self.months.candidates(first: Self.day(2024, 12, 1), last: Self.day(2024, 12, 31)).isEmpty)
        #expect(Self.months.candidates(first: Self.day(2027, 1, 1), last: Self.day(2027, 1, 31)).isEmpty)
        #expect(QuotaRowList([]).candidates(first: Self.day(2025, 1, 1), last: Self.day(2025, 1, 31)).isEmpty)
    }

    @Test func aShortRowAfterALongOneIsACandidateButDoesNotOverlap() {
        // The annual row reaches past March; the February row starts later but ends before it.
        let list = QuotaRowList([
            Self.row("year", Self.day(2025, 1, 1), Self.day(2025, 12, 31)),
            Self.row("feb", Self.day(2025, 2, 1), Self.day(2025, 2, 28)),
            Self.row("apr", Self.day(2025, 4, 1), Self.day(2025, 4, 30)),
        ])
        let march = (first: Self.day(2025, 3, 1), last: Self.day(2025, 3, 31))
        #expect(list.candidates(first: march.first, last: march.last).map(\.id) == ["year", "feb"])
        #expect(list.overlapping(first: march.first, last: march.last).map(\.id) == ["year"])
    }

    @Test func theBookFindsAUsersMonthWithOneCandidate() throws {
        let book = QuotaBook(dataset: try TargetFixture.dataset())
        let november = Period.month(year: 2017, month: 11)
        // u1 has three monthly revenue rows (r1–r3): November reads only r2.
        #expect(book.candidates(of: .user("u1"), metric: "revenue", overlapping: november).map(\.id) == ["r2"])
        let resolution = book.resolve(.user("u1"), metric: "revenue", period: november)
        #expect(resolution.rowIDs == ["r2"])
        #expect(book.candidates(of: .user("u1"), metric: "deals", overlapping: november).isEmpty)
        #expect(book.hasRows(of: .unit("T1"), metric: "revenue", overlapping: november))
        #expect(!book.hasRows(of: .unit("T2"), metric: "revenue", overlapping: november))
    }
}
