import Foundation
import YardstickData
import YardstickEngine

/// Parsing `--period` and `--period-range`.
enum PeriodArguments {
    static func periods(period: String?, range: String?, calendar: CalendarSettings) throws -> [Period] {
        if let range { return try Period.range(range, calendar: calendar) }
        if let period { return [try Period.parse(period, calendar: calendar)] }
        // Default: the last full month.
        let today = Int32(Int(Date().timeIntervalSince1970) / 86_400)
        let (year, month, _) = CivilDate.components(ofDay: today)
        return [month == 1 ? .month(year: year - 1, month: 12) : .month(year: year, month: month - 1)]
    }
}
