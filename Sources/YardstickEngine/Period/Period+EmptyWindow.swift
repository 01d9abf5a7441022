import YardstickData

/// The window of a period seen from a day before it starts: no day of it has happened yet.
extension Period {
    /// The empty run of days that ends the day before `firstDay`, labelled
    /// `2026-10-01..2026-09-30`: what a to-date view of a period that has not begun covers.
    ///
    /// It has ``days`` 0 and contains no day; it is never evaluated (there is nothing to
    /// evaluate), so every value over it is missing.
    ///
    /// - Parameter firstDay: The first day of the period not yet begun.
    package static func emptyWindow(startingOn firstDay: Int32) -> Period {
        let label = CivilDate.isoString(ofDay: firstDay) + ".." + CivilDate.isoString(ofDay: firstDay - 1)
        return Period(kind: .custom, firstDay: firstDay, lastDay: firstDay - 1, label: label)
    }

    /// Whether the period holds no day (an ``emptyWindow(startingOn:)``).
    package var isEmptyWindow: Bool { lastDay < firstDay }
}
