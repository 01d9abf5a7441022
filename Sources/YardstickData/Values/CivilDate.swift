import Foundation

/// Conversions between calendar dates and day numbers (days since 1970-01-01, proleptic
/// Gregorian), the representation of `date` columns.
///
/// The algorithms are Howard Hinnant's public-domain `days_from_civil` / `civil_from_days`,
/// rewritten here; they are exact for every date in the range of `Int32`.
public enum CivilDate {
    /// Today's day number in UTC: the default "today" of runs, checks and `--as-of`.
    public static var today: Int32 {
        Int32(Int(Date().timeIntervalSince1970) / 86_400)
    }

    /// The day number of a calendar date.
    ///
    /// - Parameters:
    ///   - year: The Gregorian year.
    ///   - month: 1…12.
    ///   - day: 1…31 (not validated here; see ``isValid(year:month:day:)``).
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int32 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return Int32(era * 146_097 + dayOfEra - 719_468)
    }

    /// The calendar date of a day number.
    public static func components(ofDay dayNumber: Int32) -> (year: Int, month: Int, day: Int) {
        let z = Int(dayNumber) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Whether the components name a real calendar day (no 31 April, no 29 February 2023).
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysInMonth(year: year, month: month)
    }

    /// The number of days in a month.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// ISO 8601 text of a day number (`2026-10-31`).
    public static func isoString(ofDay dayNumber: Int32) -> String {
        let (year, month, day) = components(ofDay: dayNumber)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// ISO 8601 text of an instant in seconds since the epoch, in UTC (`2026-10-31T09:15:00Z`).
    public static func isoString(ofInstant seconds: Int64) -> String {
        let days = Int32((seconds >= 0 ? seconds : seconds - 86_399) / 86_400)
        let secondOfDay = Int(seconds - Int64(days) * 86_400)
        return isoString(ofDay: days) + "T" + pad(secondOfDay / 3600, 2) + ":"
            + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2) + "Z"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
