import YardstickEngine

/// Which days of a period count for pace: every calendar day, or only working days (the
/// working weekdays minus the holidays).
///
/// Day numbers count days since 1970-01-01, a Thursday; weekdays use ISO numbering (1 = Monday
/// … 7 = Sunday), as ``PaceSettings/workingWeekdays`` does.
///
/// ```swift
/// let calendar = PaceCalendar(settings: PaceSettings(workingDaysOnly: true, holidays: [nationalDay]))
/// calendar.countedDays(in: october)  // 21: 22 weekdays, one of them a holiday
/// ```
package struct PaceCalendar: Sendable, Hashable {
    /// Whether only working days count.
    package var workingDaysOnly: Bool
    /// The working weekdays (1 = Monday … 7 = Sunday), when only working days count.
    package var workingWeekdays: Set<Int>
    /// The holidays, as day numbers, when only working days count.
    package var holidays: Set<Int32>

    /// Every calendar day counts.
    package static let calendarDays = PaceCalendar(
        workingDaysOnly: false, workingWeekdays: [1, 2, 3, 4, 5, 6, 7], holidays: [])

    /// Creates a calendar.
    ///
    /// - Parameters:
    ///   - workingDaysOnly: Whether only working days count.
    ///   - workingWeekdays: The working weekdays, ISO numbering.
    ///   - holidays: Extra non-working days, as day numbers.
    package init(workingDaysOnly: Bool, workingWeekdays: Set<Int>, holidays: Set<Int32>) {
        self.workingDaysOnly = workingDaysOnly
        self.workingWeekdays = workingWeekdays
        self.holidays = holidays
    }

    /// The calendar a model's pace settings describe: calendar days when there are none.
    ///
    /// - Parameter settings: The pace settings, if the model has any.
    package init(settings: PaceSettings?) {
        guard let settings, settings.workingDaysOnly else {
            self = .calendarDays
            return
        }
        self.init(workingDaysOnly: true, workingWeekdays: settings.workingWeekdays, holidays: settings.holidays)
    }

    /// The ISO weekday of a day number (1 = Monday … 7 = Sunday).
    ///
    /// - Parameter day: The day number.
    /// - Returns: 1…7; 1970-01-01 (day 0) is a Thursday, 4.
    package static func weekday(of day: Int32) -> Int {
        let offset = (Int(day) + 3) % 7
        return (offset < 0 ? offset + 7 : offset) + 1
    }

    /// Whether `day` counts.
    ///
    /// - Parameter day: The day number.
    /// - Returns: Always true for calendar days; for working days, whether it falls on a working
    ///   weekday and is no holiday.
    package func counts(_ day: Int32) -> Bool {
        guard workingDaysOnly else { return true }
        return workingWeekdays.contains(Self.weekday(of: day)) && !holidays.contains(day)
    }

    /// How many counted days lie in `first...last` (0 when `last < first`).
    ///
    /// - Parameters:
    ///   - first: The first day number, included.
    ///   - last: The last day number, included.
    /// - Returns: The number of counted days.
    package func countedDays(from first: Int32, through last: Int32) -> Int {
        guard last >= first else { return 0 }
        guard workingDaysOnly else { return Int(last) - Int(first) + 1 }
        var count = 0
        for day in first...last where counts(day) { count += 1 }
        return count
    }

    /// How many counted days the period has.
    ///
    /// - Parameter period: The period.
    /// - Returns: Its calendar days, or its working days.
    package func countedDays(in period: Period) -> Int {
        countedDays(from: period.firstDay, through: period.lastDay)
    }

    /// How many counted days of `period` have begun by `day`, `day` included: 0 before the
    /// period starts, all of them once it has ended.
    ///
    /// - Parameters:
    ///   - period: The period.
    ///   - day: The as-of day number.
    /// - Returns: The elapsed counted days.
    package func elapsedDays(of period: Period, asOf day: Int32) -> Int {
        countedDays(from: period.firstDay, through: min(day, period.lastDay))
    }

    /// How many counted days of `period` remain after `day` (`day` itself excluded): all of
    /// them before the period starts, 0 on and after its last day.
    ///
    /// - Parameters:
    ///   - period: The period.
    ///   - day: The as-of day number.
    /// - Returns: The remaining counted days.
    package func remainingDays(of period: Period, asOf day: Int32) -> Int {
        countedDays(from: max(day + 1, period.firstDay), through: period.lastDay)
    }
}
