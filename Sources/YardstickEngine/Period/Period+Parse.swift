import YardstickData
import YardstickLocalization

/// Reading periods from the text users type on the command line and in workspace files.
extension Period {
    /// The most periods ``range(_:calendar:)`` returns.
    public static let maximumRangeCount = 400

    /// Reads one period.
    ///
    /// Accepted forms, case-insensitive and ignoring surrounding spaces: `2026-10` (month),
    /// `2026-Q3` (quarter), `2026-H1` (half), `2026` (year), `2026-W05` (week, starting on
    /// `calendar.weekStart`), `2026-10-31` (day), `FY2026`, `FY2026-Q1`, `FY2026-H2` (fiscal
    /// year, quarter and half, the fiscal year starting in `calendar.fiscalYearStartMonth`
    /// and named by the calendar year in which it ends) and `2026-01-01..2026-03-31` (a custom
    /// range of dates, both included). Years have four digits; months, days and weeks one or two.
    ///
    /// - Parameters:
    ///   - text: The period as written.
    ///   - calendar: The workspace's fiscal year start and first day of the week.
    /// - Returns: The period, with its canonical ``label``.
    /// - Throws: ``PeriodError`` naming what is wrong and listing the accepted forms.
    public static func parse(_ text: String, calendar: CalendarSettings) throws(PeriodError) -> Period {
        let trimmed = trim(text).uppercased()
        guard !trimmed.isEmpty else { throw PeriodError(text: text, reason: tr("it is empty")) }
        let ends = trimmed.split(separator: "..", omittingEmptySubsequences: false)
        guard ends.count == 1 else {
            guard ends.count == 2, let first = date(ends[0]), let last = date(ends[1]) else {
                throw PeriodError(
                    text: text,
                    reason: tr(
                        "a range of dates is two dates such as 2026-01-01..2026-03-31 (for one period per month or quarter use --period-range)"
                    ))
            }
            guard first <= last else {
                throw PeriodError(text: text, reason: tr("the range ends before it starts"))
            }
            return .custom(firstDay: first, lastDay: last)
        }
        do {
            return try single(trimmed, calendar: calendar)
        } catch let reason {
            throw PeriodError(text: text, reason: reason.text)
        }
    }

    /// Reads a range of periods: every period of one kind from a first to a last, inclusive.
    ///
    /// `2026-01..2026-06` gives the six months January to June, `2026-Q1..2026-Q4` four
    /// quarters, `2025..2026` two years; any two periods of the same kind work, days included.
    /// A single period is a range of one.
    ///
    /// - Parameters:
    ///   - text: The range as written, `first..last`.
    ///   - calendar: The workspace's fiscal year start and first day of the week.
    /// - Returns: The periods in order, at least one and at most ``maximumRangeCount``.
    /// - Throws: ``PeriodError`` when an end is not a period, the two ends differ in kind,
    ///   the first comes after the last, or the range holds too many periods.
    public static func range(_ text: String, calendar: CalendarSettings) throws(PeriodError) -> [Period] {
        let ends = trim(text).split(separator: "..", omittingEmptySubsequences: false)
        guard ends.count <= 2 else {
            throw PeriodError(text: text, reason: tr("write two periods separated by \"..\""), isRange: true)
        }
        var bounds: [Period] = []
        for end in ends {
            do {
                bounds.append(try parse(String(end), calendar: calendar))
            } catch {
                throw PeriodError(text: text, reason: tr("\"%@\": %@", error.text, error.reason), isRange: true)
            }
        }
        let (start, finish) = (bounds[0], bounds[bounds.count - 1])
        guard start.kind == finish.kind else {
            throw PeriodError(
                text: text,
                reason: tr("both ends must be the same kind of period (%@ and %@)", start.kind, finish.kind),
                isRange: true)
        }
        guard start.firstDay <= finish.firstDay else {
            throw PeriodError(text: text, reason: tr("%@ comes after %@", start.label, finish.label), isRange: true)
        }
        var periods = [start]
        while periods[periods.count - 1].firstDay < finish.firstDay {
            guard periods.count < maximumRangeCount else {
                throw PeriodError(
                    text: text, reason: tr("a range may hold at most %@ periods", maximumRangeCount), isRange: true)
            }
            periods.append(periods[periods.count - 1].next)
        }
        return periods
    }

    // MARK: Pieces

    /// Why a piece of text is not a period, before the original text is attached.
    struct Reason: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }

    /// Reads one period that is not a range; `text` is upper-cased and trimmed.
    private static func single(_ text: String, calendar: CalendarSettings) throws(Reason) -> Period {
        var parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let fiscal = parts[0].hasPrefix("FY")
        if fiscal { parts[0].removeFirst(2) }
        guard parts[0].count == 4, let year = number(Substring(parts[0]), in: 0...9999) else {
            throw Reason(fiscal ? tr("FY must be followed by a four-digit year") : tr("the year must have four digits"))
        }
        let startMonth = calendar.fiscalYearStartMonth
        switch parts.count {
        case 1:
            return fiscal ? .fiscalYear(year, startMonth: startMonth) : .year(year)
        case 2:
            let piece = parts[1]
            if piece.hasPrefix("Q") {
                guard let quarter = number(piece.dropFirst(), in: 1...4) else {
                    throw Reason(tr("the quarter must be Q1 to Q4"))
                }
                return fiscal
                    ? .fiscalQuarter(year, quarter: quarter, startMonth: startMonth)
                    : .quarter(year: year, quarter: quarter)
            }
            if piece.hasPrefix("H") {
                guard let half = number(piece.dropFirst(), in: 1...2) else {
                    throw Reason(tr("the half must be H1 or H2"))
                }
                return fiscal ? .fiscalHalf(year, half: half, startMonth: startMonth) : .half(year: year, half: half)
            }
            guard !fiscal else { throw Reason(tr("a fiscal year is followed by -Q1 to -Q4, -H1 or -H2")) }
            if piece.hasPrefix("W") {
                let weeks = weeksInYear(year, weekStart: calendar.weekStart)
                guard let week = number(piece.dropFirst(), in: 1...weeks) else {
                    throw Reason(tr("the week must be W01 to W%@ in %@", weeks, parts[0]))
                }
                return .week(year: year, week: week, weekStart: calendar.weekStart)
            }
            guard let month = number(Substring(piece), in: 1...12) else {
                throw Reason(tr("the month must be 01 to 12"))
            }
            return .month(year: year, month: month)
        case 3 where !fiscal:
            guard let month = number(Substring(parts[1]), in: 1...12) else {
                throw Reason(tr("the month must be 01 to 12"))
            }
            let length = CivilDate.daysInMonth(year: year, month: month)
            guard let day = number(Substring(parts[2]), in: 1...length) else {
                throw Reason(tr("the day must be 01 to %@ in %@-%@", length, parts[0], pad(month, 2)))
            }
            return .day(CivilDate.dayNumber(year: year, month: month, day: day))
        default:
            throw Reason(tr("it has too many parts"))
        }
    }

    /// The day number of `text` when it is a valid `yyyy-mm-dd` date.
    private static func date(_ text: Substring) -> Int32? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let year = number(parts[0], in: 0...9999),
            let month = number(parts[1], in: 1...12),
            let day = number(parts[2], in: 1...CivilDate.daysInMonth(year: year, month: month))
        else { return nil }
        return CivilDate.dayNumber(year: year, month: month, day: day)
    }

    /// The value of one to four ASCII digits when it lies in `range`.
    private static func number(_ text: Substring, in range: ClosedRange<Int>) -> Int? {
        guard (1...4).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }),
            let value = Int(text), range.contains(value)
        else { return nil }
        if range.upperBound < 100 && text.count > 2 { return nil }
        return value
    }

    /// `text` without leading and trailing white space.
    private static func trim(_ text: String) -> Substring {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return text[start...end]
    }
}
