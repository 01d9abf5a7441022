/// One owner's quota rows for one metric, sorted once, with what finds the rows a period may
/// share days with in O(log n): scoring resolves a quota for every subject, indicator and period,
/// and an owner can have years of monthly rows.
///
/// Rows are sorted by first day (then last day, then id). `reach[i]` is the latest last day of
/// rows `0...i`: it never decreases, so the rows before the first whose reach is on or after a
/// period's first day all end before the period, and the rows from the first one starting after
/// the period's last day all begin after it. What lies between are the candidates; a candidate
/// may still end before the period (a short row after a long one), so callers test each.
struct QuotaRowList: Sendable {
    /// The rows, by first day, then last day, then id.
    let rows: [QuotaRow]
    /// Per row: the latest last day of it and every row before it.
    private let reach: [Int32]

    /// Sorts `rows` and works out their reach.
    init(_ rows: [QuotaRow]) {
        self.rows = rows.sorted {
            ($0.span.firstDay, $0.span.lastDay, $0.id) < ($1.span.firstDay, $1.span.lastDay, $1.id)
        }
        var reach: [Int32] = []
        reach.reserveCapacity(self.rows.count)
        var furthest = Int32.min
        for row in self.rows {
            furthest = max(furthest, row.span.lastDay)
            reach.append(furthest)
        }
        self.reach = reach
    }

    /// The rows that may share a day with `first...last`, found by two binary searches: every
    /// row sharing a day is among them, in order.
    func candidates(first: Int32, last: Int32) -> ArraySlice<QuotaRow> {
        let lower = Self.partition(reach.count) { reach[$0] < first }
        let upper = Self.partition(rows.count) { rows[$0].span.firstDay <= last }
        return lower < upper ? rows[lower..<upper] : rows[lower..<lower]
    }

    /// The rows sharing a day with `first...last`, in order.
    func overlapping(first: Int32, last: Int32) -> [QuotaRow] {
        candidates(first: first, last: last).filter { $0.span.overlaps(first: first, last: last) }
    }

    /// The first index in `0..<count` where `isBefore` turns false (it must be true for a
    /// prefix and false after it).
    private static func partition(_ count: Int, _ isBefore: (Int) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if isBefore(middle) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
