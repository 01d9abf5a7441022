import Foundation
import YardstickData
import YardstickEngine

/// The periods `yardstick score` takes: every form of `run` (`2017-10`, `2017-Q4`, `FY2017`,
/// `2017-10-01..2017-10-15`, ranges) and the to-date names `MTD`, `QTD` and `YTD`, relative to
/// the as-of day.
public enum ScorePeriods {
    /// The period `text` names.
    ///
    /// `MTD`, `QTD` and `YTD` (any case) name the whole month, quarter or year containing
    /// `asOf`: the runner then scores it to date (see `PeriodScores` and docs/scoring.md). YTD is the fiscal year
    /// when the workspace's fiscal year starts after January. Anything else is read as `run`
    /// reads a period.
    ///
    /// - Parameters:
    ///   - text: The `--period` value.
    ///   - asOf: The day number taken as today.
    ///   - calendar: The workspace's calendar (fiscal year start, week start).
    /// - Returns: The period.
    /// - Throws: `PeriodError` when the text is no period.
    public static func period(_ text: String, asOf: Int32, calendar: CalendarSettings) throws(PeriodError) -> Period {
        let (year, month, _) = CivilDate.components(ofDay: asOf)
        switch text.trimmingCharacters(in: .whitespaces).uppercased() {
        case "MTD":
            return .month(year: year, month: month)
        case "QTD":
            return .quarter(year: year, quarter: (month - 1) / 3 + 1)
        case "YTD":
            let start = calendar.fiscalYearStartMonth
            guard start > 1 else { return .year(year) }
            // The fiscal year is named by the calendar year it ends in.
            return .fiscalYear(month >= start ? year + 1 : year, startMonth: start)
        default:
            return try Period.parse(text, calendar: calendar)
        }
    }

    /// The periods of `--period` or `--period-range`; without either, the last full month before
    /// the as-of day.
    ///
    /// - Parameters:
    ///   - period: The `--period` value, if given.
    ///   - range: The `--period-range` value (`2017-01..2017-06`), if given; it wins.
    ///   - asOf: The day number taken as today.
    ///   - calendar: The workspace's calendar.
    /// - Throws: `PeriodError` when a value is no period or range.
    public static func periods(period: String?, range: String?, asOf: Int32, calendar: CalendarSettings)
        throws(PeriodError) -> [Period]
    {
        if let range { return try Period.range(range, calendar: calendar) }
        if let period { return [try Self.period(period, asOf: asOf, calendar: calendar)] }
        return [.lastFullMonth(before: asOf)]
    }

    /// The day number of an ISO date (`2017-10-15`), or nil when it is not one.
    ///
    /// - Parameter text: The `--as-of` value.
    public static func day(_ text: String) -> Int32? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            CivilDate.isValid(year: year, month: month, day: day)
        else { return nil }
        return CivilDate.dayNumber(year: year, month: month, day: day)
    }
}
