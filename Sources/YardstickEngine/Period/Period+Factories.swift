import YardstickData

/// Builders for each kind of period from its calendar coordinates.
extension Period {
    /// The single day `day`.
    public static func day(_ day: Int32) -> Period {
        Period(kind: .day, firstDay: day, lastDay: day, label: CivilDate.isoString(ofDay: day))
    }

    /// The snapshot taken on `day`: one day, labelled with its date (`2024-01-31`), of kind
    /// ``Kind/snapshot`` so that outputs can tell it from a period.
    public static func snapshot(asOf day: Int32) -> Period {
        Period(kind: .snapshot, firstDay: day, lastDay: day, label: CivilDate.isoString(ofDay: day))
    }

    /// The last calendar month that ended before `day`: the default period of `run` and
    /// `score` (October 2026 on any day of November 2026).
    public static func lastFullMonth(before day: Int32) -> Period {
        let (year, month, _) = CivilDate.components(ofDay: day)
        return month == 1 ? .month(year: year - 1, month: 12) : .month(year: year, month: month - 1)
    }

    /// The calendar month `month` (1–12) of `year`.
    public static func month(year: Int, month: Int) -> Period {
        monthSpan(kind: .month, startIndex: monthIndex(year: year, month: month))
    }

    /// The calendar quarter `quarter` (1–4) of `year`: January–March is Q1.
    public static func quarter(year: Int, quarter: Int) -> Period {
        monthSpan(kind: .quarter, startIndex: monthIndex(year: year, month: 3 * quarter - 2))
    }

    /// The calendar half `half` (1–2) of `year`: January–June is H1.
    public static func half(year: Int, half: Int) -> Period {
        monthSpan(kind: .half, startIndex: monthIndex(year: year, month: 6 * half - 5))
    }

    /// The calendar year `year`.
    public static func year(_ year: Int) -> Period {
        monthSpan(kind: .year, startIndex: monthIndex(year: year, month: 1))
    }

    /// The fiscal year named `fiscalYear`, the calendar year in which it ends.
    ///
    /// With a start month of 1 the fiscal year is the calendar year; with 4 (April),
    /// FY2026 runs from 2025-04-01 to 2026-03-31.
    public static func fiscalYear(_ fiscalYear: Int, startMonth: Int) -> Period {
        monthSpan(
            kind: .fiscalYear, startIndex: fiscalStartIndex(fiscalYear, startMonth: startMonth),
            fiscalStart: startMonth)
    }

    /// The fiscal quarter `quarter` (1–4) of the fiscal year `fiscalYear`.
    public static func fiscalQuarter(_ fiscalYear: Int, quarter: Int, startMonth: Int) -> Period {
        let start = fiscalStartIndex(fiscalYear, startMonth: startMonth) + 3 * (quarter - 1)
        return monthSpan(kind: .fiscalQuarter, startIndex: start, fiscalStart: startMonth)
    }

    /// The fiscal half `half` (1–2) of the fiscal year `fiscalYear`.
    public static func fiscalHalf(_ fiscalYear: Int, half: Int, startMonth: Int) -> Period {
        let start = fiscalStartIndex(fiscalYear, startMonth: startMonth) + 6 * (half - 1)
        return monthSpan(kind: .fiscalHalf, startIndex: start, fiscalStart: startMonth)
    }

    /// Week `week` of the week-numbering year `year`, weeks starting on `weekStart`.
    ///
    /// Week 1 is the first week with at least four days in `year` (the week holding
    /// 4 January), as in ISO 8601; with `weekStart` 1 (Monday) these are exactly ISO weeks.
    ///
    /// - Parameters:
    ///   - year: The week-numbering year, which may differ from the calendar year of the
    ///     week's first day (2026-W01 with Monday weeks starts on 2025-12-29).
    ///   - week: 1 up to ``weeksInYear(_:weekStart:)``.
    ///   - weekStart: The first day of the week, 1 = Monday … 7 = Sunday.
    public static func week(year: Int, week: Int, weekStart: Int) -> Period {
        let first = firstWeekStart(year: year, weekStart: weekStart) + Int32(7 * (week - 1))
        return Period(kind: .week, firstDay: first, lastDay: first + 6, label: pad(year, 4) + "-W" + pad(week, 2))
    }

    /// The number of weeks (52 or 53) in the week-numbering year `year`.
    public static func weeksInYear(_ year: Int, weekStart: Int) -> Int {
        let days =
            firstWeekStart(year: year + 1, weekStart: weekStart) - firstWeekStart(year: year, weekStart: weekStart)
        return Int(days / 7)
    }

    /// The dates from `firstDay` to `lastDay` inclusive, labelled `2026-01-01..2026-03-31`.
    ///
    /// - Precondition: `firstDay <= lastDay`.
    public static func custom(firstDay: Int32, lastDay: Int32) -> Period {
        precondition(firstDay <= lastDay, "a custom period must not end before it starts")
        let label = CivilDate.isoString(ofDay: firstDay) + ".." + CivilDate.isoString(ofDay: lastDay)
        return Period(kind: .custom, firstDay: firstDay, lastDay: lastDay, label: label)
    }

    // MARK: Calendar arithmetic

    /// Months since year 0: `year * 12 + month - 1`.
    static func monthIndex(year: Int, month: Int) -> Int { year * 12 + month - 1 }

    /// The first day of the month with index `index`.
    static func firstDay(ofMonthIndex index: Int) -> Int32 {
        let year = floorDivide(index, 12)
        return CivilDate.dayNumber(year: year, month: index - year * 12 + 1, day: 1)
    }

    /// The month index the fiscal year `fiscalYear` starts in.
    static func fiscalStartIndex(_ fiscalYear: Int, startMonth: Int) -> Int {
        monthIndex(year: startMonth == 1 ? fiscalYear : fiscalYear - 1, month: startMonth)
    }

    /// The number of months a period of a month-based kind spans, or nil for the others.
    static func months(in kind: Kind) -> Int? {
        switch kind {
        case .month: 1
        case .quarter, .fiscalQuarter: 3
        case .half, .fiscalHalf: 6
        case .year, .fiscalYear: 12
        case .day, .week, .custom, .snapshot: nil
        }
    }

    /// The period of a month-based `kind` starting with the month `startIndex`, labelled.
    static func monthSpan(kind: Kind, startIndex: Int, fiscalStart: Int? = nil) -> Period {
        let length = months(in: kind) ?? 1
        let first = firstDay(ofMonthIndex: startIndex)
        let last = firstDay(ofMonthIndex: startIndex + length) - 1
        let year = floorDivide(startIndex, 12)
        let month = startIndex - year * 12 + 1
        let label: String
        switch kind {
        case .month: label = pad(year, 4) + "-" + pad(month, 2)
        case .quarter: label = pad(year, 4) + "-Q\((month - 1) / 3 + 1)"
        case .half: label = pad(year, 4) + "-H\((month - 1) / 6 + 1)"
        case .fiscalYear, .fiscalQuarter, .fiscalHalf:
            let startMonth = fiscalStart ?? 1
            let offset = startIndex - (startMonth - 1)
            let startYear = floorDivide(offset, 12)
            let fiscalYear = startMonth == 1 ? startYear : startYear + 1
            let position = offset - startYear * 12
            let suffix =
                kind == .fiscalYear ? "" : kind == .fiscalQuarter ? "-Q\(position / 3 + 1)" : "-H\(position / 6 + 1)"
            return Period(
                kind: kind, firstDay: first, lastDay: last, label: "FY" + pad(fiscalYear, 4) + suffix,
                fiscalYearStartMonth: startMonth)
        default: label = pad(year, 4)
        }
        return Period(kind: kind, firstDay: first, lastDay: last, label: label)
    }

    /// The first day of week 1 of the week-numbering year `year`.
    static func firstWeekStart(year: Int, weekStart: Int) -> Int32 {
        let fourthOfJanuary = CivilDate.dayNumber(year: year, month: 1, day: 4)
        let back = floorModulo(weekday(of: fourthOfJanuary) - weekStart, 7)
        return fourthOfJanuary - Int32(back)
    }

    /// The ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    static func weekday(of day: Int32) -> Int {
        floorModulo(Int(day) + 3, 7) + 1
    }

    /// The same calendar date one year earlier, 29 February becoming 28 February.
    static func sameDayLastYear(_ day: Int32) -> Int32 {
        let (year, month, dayOfMonth) = CivilDate.components(ofDay: day)
        let clamped = min(dayOfMonth, CivilDate.daysInMonth(year: year - 1, month: month))
        return CivilDate.dayNumber(year: year - 1, month: month, day: clamped)
    }

    static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }

    static func floorModulo(_ value: Int, _ divisor: Int) -> Int {
        let remainder = value % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value.magnitude)
        let digits = text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
        return value < 0 ? "-" + digits : digits
    }
}
