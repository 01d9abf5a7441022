import YardstickEngine

/// The days a scored period's values cover, and the windows they are compared with: the
/// to-date rule of `yardstick score`.
///
/// Seen from the as-of day D, a period P is
///
/// - over (D ≥ P's last day): the window is P itself, compared with the whole previous period
///   (环比) and the whole same period last year (同比);
/// - running (P's first day ≤ D < P's last day): the window is P's first day to D, a to-date
///   view (MTD, QTD, YTD), compared with as many days from the start of the previous period and
///   of the same period last year, each clamped to its period;
/// - not begun (D < P's first day): the window is empty (`2017-10-01..2017-09-30`), and so are
///   its comparisons: every value is missing, with that reason.
///
/// A comparison window that covers its whole period is that period (`2017-09`, not
/// `2017-09-01..2017-09-30`), so a range of months evaluates each month once.
package struct ScoreWindows: Sendable, Hashable {
    /// The scored period (targets are its).
    package var period: Period
    /// The days its values cover.
    package var window: Period
    /// The 环比 window: in the previous period of the same kind.
    package var previousWindow: Period
    /// The 同比 window: in the same period last year.
    package var lastYearWindow: Period

    /// Works out the windows of `period` seen from `asOf`.
    ///
    /// - Parameters:
    ///   - period: The scored period.
    ///   - asOf: The day number taken as today.
    package init(period: Period, asOf: Int32) {
        self.period = period
        let previous = period.previous
        let lastYear = period.samePeriodLastYear
        if asOf >= period.lastDay {
            window = period
            previousWindow = previous
            lastYearWindow = lastYear
        } else if asOf < period.firstDay {
            window = .emptyWindow(startingOn: period.firstDay)
            previousWindow = .emptyWindow(startingOn: previous.firstDay)
            lastYearWindow = .emptyWindow(startingOn: lastYear.firstDay)
        } else {
            let days = Int(asOf - period.firstDay) + 1
            window = Self.leading(days, of: period)
            previousWindow = Self.leading(days, of: previous)
            lastYearWindow = Self.leading(days, of: lastYear)
        }
    }

    /// Whether the window holds no day (the period starts after the as-of day).
    package var isEmpty: Bool { window.isEmptyWindow }

    /// The windows that have days to evaluate: the window and its comparisons, in that order.
    var evaluated: [Period] {
        [window, previousWindow, lastYearWindow].filter { !$0.isEmptyWindow }
    }

    /// The first `days` days of `period`, or the period itself when it has no more.
    static func leading(_ days: Int, of period: Period) -> Period {
        guard days < period.days else { return period }
        return .custom(firstDay: period.firstDay, lastDay: period.firstDay + Int32(days) - 1)
    }
}
