import Foundation

/// Fiscal calendar settings.
public struct CalendarSettings: Sendable, Hashable {
    /// The month (1–12) the fiscal year starts in.
    public var fiscalYearStartMonth = 1
    /// The first day of the week (1 = Monday … 7 = Sunday, ISO numbering).
    public var weekStart = 1

    /// Creates settings.
    public init(fiscalYearStartMonth: Int = 1, weekStart: Int = 1) {
        self.fiscalYearStartMonth = fiscalYearStartMonth
        self.weekStart = weekStart
    }
}
