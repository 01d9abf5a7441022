import YardstickEngine

/// Where the as-of day stands in a period: the days counted for pace, elapsed and remaining.
struct AlertClock {
    /// The period.
    var period: Period
    /// The as-of day number.
    var asOf: Int32
    /// The period's counted days (calendar or working).
    var countedDays: Int
    /// The counted days up to and including the as-of day.
    var elapsedDays: Int
    /// The counted days after the as-of day.
    var remainingDays: Int

    init(period: Period, asOf: Int32, pace: PaceSettings?) {
        self.init(period: period, asOf: asOf, calendar: PaceCalendar(settings: pace))
    }

    init(period: Period, asOf: Int32, calendar: PaceCalendar) {
        self.period = period
        self.asOf = asOf
        countedDays = calendar.countedDays(in: period)
        elapsedDays = calendar.elapsedDays(of: period, asOf: asOf)
        remainingDays = calendar.remainingDays(of: period, asOf: asOf)
    }

    /// Whether the as-of day lies within the period (the pace check runs only then).
    var isRunning: Bool { period.contains(day: asOf) }

    /// The completion the linear pace expects by the as-of day: the elapsed share of the
    /// counted days (0 before the period, 1 after it; with no counted day, 0 before the period
    /// starts and 1 from then on).
    var expectedCompletion: Double {
        guard countedDays > 0 else { return asOf >= period.firstDay ? 1 : 0 }
        return Double(elapsedDays) / Double(countedDays)
    }

    /// Whether the as-of day is within `leadDays` calendar days before the period's last day,
    /// or on it (and the period has begun).
    func isWithinReminder(leadDays: Int) -> Bool {
        Int(asOf) >= Int(period.lastDay) - leadDays && period.contains(day: asOf)
    }
}
