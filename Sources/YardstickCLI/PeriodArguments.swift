import Foundation
import YardstickData
import YardstickEngine

/// Parsing `--period` and `--period-range`.
enum PeriodArguments {
    static func periods(period: String?, range: String?, calendar: CalendarSettings) throws -> [Period] {
        if let range { return try Period.range(range, calendar: calendar) }
        if let period { return [try Period.parse(period, calendar: calendar)] }
        return [.lastFullMonth(before: CivilDate.today)]
    }
}
