import YardstickData

/// Stepping from a period to its neighbours, for comparisons such as month over month.
extension Period {
    /// The period of the same kind just before this one.
    ///
    /// For a custom range it is the same number of days ending the day before ``firstDay``:
    /// the previous period of `2026-01-11..2026-01-20` is `2026-01-01..2026-01-10`.
    public var previous: Period { shifted(by: -1) }

    /// The period of the same kind just after this one.
    ///
    /// For a custom range it is the same number of days starting the day after ``lastDay``.
    public var next: Period { shifted(by: 1) }

    /// The corresponding period one year earlier.
    ///
    /// Months, quarters, halves, years and their fiscal forms give the same-named period of
    /// the previous year (`2026-Q3` → `2025-Q3`, `FY2026-H2` → `FY2025-H2`). A week gives the
    /// same week number of the previous week-numbering year (week 53 becoming the last week
    /// when that year has only 52). A day or a custom range gives the same dates one year
    /// earlier, 29 February becoming 28 February. A snapshot has no other period: it gives
    /// itself.
    public var samePeriodLastYear: Period {
        switch kind {
        case .snapshot:
            return self
        case .day:
            return .day(Self.sameDayLastYear(firstDay))
        case .custom:
            return .custom(firstDay: Self.sameDayLastYear(firstDay), lastDay: Self.sameDayLastYear(lastDay))
        case .week:
            let weekStart = Self.weekday(of: firstDay)
            let (year, number) = weekCoordinates
            let weeks = Self.weeksInYear(year - 1, weekStart: weekStart)
            return .week(year: year - 1, week: min(number, weeks), weekStart: weekStart)
        case .month, .quarter, .half, .year, .fiscalQuarter, .fiscalHalf, .fiscalYear:
            return Self.monthSpan(kind: kind, startIndex: startMonthIndex - 12, fiscalStart: fiscalYearStartMonth)
        }
    }

    /// The period `steps` periods of the same kind away (negative steps go back).
    func shifted(by steps: Int) -> Period {
        switch kind {
        case .snapshot:
            return self
        case .day:
            return .day(firstDay + Int32(steps))
        case .custom:
            let offset = Int32(steps * days)
            return .custom(firstDay: firstDay + offset, lastDay: lastDay + offset)
        case .week:
            return .week(startingOn: firstDay + Int32(7 * steps))
        case .month, .quarter, .half, .year, .fiscalQuarter, .fiscalHalf, .fiscalYear:
            let length = Self.months(in: kind) ?? 1
            return Self.monthSpan(
                kind: kind, startIndex: startMonthIndex + steps * length, fiscalStart: fiscalYearStartMonth)
        }
    }

    /// The month index of the first day (for month-based kinds).
    var startMonthIndex: Int {
        let (year, month, _) = CivilDate.components(ofDay: firstDay)
        return Self.monthIndex(year: year, month: month)
    }

    /// The week-numbering year and week number of a week period.
    var weekCoordinates: (year: Int, week: Int) {
        let year = Self.weekYear(ofWeekStarting: firstDay)
        let start = Self.firstWeekStart(year: year, weekStart: Self.weekday(of: firstDay))
        return (year, Int(firstDay - start) / 7 + 1)
    }

    /// The week period whose first day is `day`; the week starts on `day`'s weekday.
    static func week(startingOn day: Int32) -> Period {
        let year = weekYear(ofWeekStarting: day)
        let weekStart = weekday(of: day)
        let number = Int(day - firstWeekStart(year: year, weekStart: weekStart)) / 7 + 1
        return .week(year: year, week: number, weekStart: weekStart)
    }

    /// The week-numbering year of the week starting on `day`: the year of its fourth day.
    static func weekYear(ofWeekStarting day: Int32) -> Int {
        CivilDate.components(ofDay: day + 3).year
    }
}
