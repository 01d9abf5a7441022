import YardstickData
import YardstickQuery

/// A reporting period: an inclusive run of calendar days with a kind and a canonical label.
///
/// Periods are values: two periods are equal when their kind, days and label are. Build them
/// with ``parse(_:calendar:)`` from the text a user types (`2026-10`, `FY2026-Q1`, …) or with the
/// factory methods such as ``month(year:month:)``. Day numbers count days since 1970-01-01
/// (see `CivilDate`).
///
/// ```swift
/// let october = try Period.parse("2026-10", calendar: CalendarSettings())
/// october.label  // "2026-10"
/// october.days  // 31
/// october.previous.label  // "2026-09"
/// ```
public struct Period: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What sort of period this is, which decides its label and how it steps.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// One calendar day (`2026-10-31`).
        case day
        /// Seven days starting on the workspace's first day of the week (`2026-W05`).
        case week
        /// A calendar month (`2026-10`).
        case month
        /// A calendar quarter (`2026-Q3`).
        case quarter
        /// A calendar half year (`2026-H1`).
        case half
        /// A calendar year (`2026`).
        case year
        /// A quarter of the fiscal year (`FY2026-Q1`).
        case fiscalQuarter = "fiscal_quarter"
        /// A half of the fiscal year (`FY2026-H2`).
        case fiscalHalf = "fiscal_half"
        /// A fiscal year, named by the calendar year in which it ends (`FY2026`).
        case fiscalYear = "fiscal_year"
        /// An explicit range of dates (`2026-01-01..2026-03-31`).
        case custom
        /// The day a snapshot was taken, labelled with its date (`2024-01-31`): the figures of a
        /// snapshot indicator depend on no period (see ``Period/snapshot(asOf:)``).
        case snapshot
    }

    /// The keys of the encoded form, unchanged since the days were named `first` and `last`.
    enum CodingKeys: String, CodingKey {
        case kind, label, fiscalYearStartMonth
        case firstDay = "first"
        case lastDay = "last"
    }

    /// What sort of period this is.
    public let kind: Kind
    /// The day number of the first day, inclusive.
    public let firstDay: Int32
    /// The day number of the last day, inclusive.
    public let lastDay: Int32
    /// The canonical text of the period, which ``parse(_:calendar:)`` reads back.
    public let label: String
    /// The month (1–12) the fiscal year starts in, for fiscal kinds; nil for the others.
    public let fiscalYearStartMonth: Int?

    init(kind: Kind, firstDay: Int32, lastDay: Int32, label: String, fiscalYearStartMonth: Int? = nil) {
        self.kind = kind
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.label = label
        self.fiscalYearStartMonth = fiscalYearStartMonth
    }

    /// The canonical label.
    public var description: String { label }

    /// The number of days in the period (at least 1).
    public var days: Int { Int(lastDay) - Int(firstDay) + 1 }

    /// The ISO 8601 date of the first day (`2026-10-01`).
    public var firstDate: String { CivilDate.isoString(ofDay: firstDay) }

    /// The ISO 8601 date of the last day (`2026-10-31`).
    public var lastDate: String { CivilDate.isoString(ofDay: lastDay) }

    /// The period's days, as the query engine takes them.
    public var queryDays: PeriodDays { PeriodDays(firstDay: firstDay, lastDay: lastDay) }

    /// Whether `day` lies within the period, both ends included.
    public func contains(day: Int32) -> Bool {
        firstDay <= day && day <= lastDay
    }

    /// How many days of the period have begun by `day`, counting `day` itself.
    ///
    /// Used to pro-rate targets: 0 before the period starts, ``days`` once it has ended.
    ///
    /// - Parameter day: The day number of "today".
    /// - Returns: A count clamped to `0...days`.
    public func daysElapsed(asOf day: Int32) -> Int {
        min(max(Int(day) - Int(firstDay) + 1, 0), days)
    }
}
