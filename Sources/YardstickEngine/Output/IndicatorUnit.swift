/// What an indicator's value measures, which decides how it is displayed.
public enum IndicatorUnit: String, Sendable, Codable, CaseIterable {
    /// A number of things (deals, calls).
    case count
    /// An amount of money, usually an exact decimal.
    case money
    /// A fraction shown as a percentage: the value 0.3125 is displayed as `31.3%`.
    case percent
    /// A quotient of two quantities shown as it is.
    case ratio
    /// A duration in days.
    case days
    /// A duration in hours.
    case hours
    /// A duration in seconds: shown as `m:ss` or `h:mm:ss` in tables (rounded to the second),
    /// written as a number of seconds in CSV and JSON.
    case seconds
    /// A score on some scale.
    case score
    /// Any other number.
    case number
}
