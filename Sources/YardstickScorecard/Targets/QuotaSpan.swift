import YardstickData

/// The days a quota row covers, with the natural name of that span: `2017-10` for a whole
/// month, `2017-Q4` for a whole quarter, `2017` for a whole year, else the ISO range
/// `2017-10-01..2017-10-15`.
struct QuotaSpan: Sendable, Hashable {
    /// The natural kind of a span, which gives the adjective of summed rows ("3 monthly quotas").
    enum Kind: Sendable, Hashable {
        case month, quarter, year, range

        /// `monthly`, `quarterly`, `annual`, or nil for a plain range.
        var adjective: String? {
            switch self {
            case .month: "monthly"
            case .quarter: "quarterly"
            case .year: "annual"
            case .range: nil
            }
        }
    }

    /// The first day, inclusive (day number).
    let firstDay: Int32
    /// The last day, inclusive (day number).
    let lastDay: Int32

    /// The number of days (at least 1 for a valid span).
    var days: Int { Int(lastDay) - Int(firstDay) + 1 }

    /// Whether the span and `first...last` share at least one day.
    func overlaps(first: Int32, last: Int32) -> Bool {
        firstDay <= last && first <= lastDay
    }

    /// The number of days the span shares with `first...last`.
    func overlapDays(first: Int32, last: Int32) -> Int {
        max(0, Int(min(lastDay, last)) - Int(max(firstDay, first)) + 1)
    }

    /// Whether the span lies within `first...last`.
    func isInside(first: Int32, last: Int32) -> Bool {
        first <= firstDay && lastDay <= last
    }

    /// The natural kind of the span.
    var kind: Kind {
        let start = CivilDate.components(ofDay: firstDay)
        let end = CivilDate.components(ofDay: lastDay)
        guard start.day == 1, end.day == CivilDate.daysInMonth(year: end.year, month: end.month) else {
            return .range
        }
        let months = (end.year - start.year) * 12 + end.month - start.month + 1
        if months == 1 { return .month }
        if months == 3, start.month % 3 == 1 { return .quarter }
        if months == 12, start.month == 1 { return .year }
        return .range
    }

    /// The natural name of the span.
    var label: String {
        let start = CivilDate.components(ofDay: firstDay)
        switch kind {
        case .month: return CivilDate.isoString(ofDay: firstDay).prefix(7).description
        case .quarter: return "\(start.year)-Q\((start.month + 2) / 3)"
        case .year: return String(start.year)
        case .range: return Self.isoRange(first: firstDay, last: lastDay)
        }
    }

    /// `2017-10-01..2017-10-15`, or one date when the range is a single day.
    static func isoRange(first: Int32, last: Int32) -> String {
        first == last
            ? CivilDate.isoString(ofDay: first)
            : CivilDate.isoString(ofDay: first) + ".." + CivilDate.isoString(ofDay: last)
    }
}
