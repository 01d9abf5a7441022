import YardstickData

/// Which of several disjoint periods each day falls in, as a table over the days they span.
struct PeriodMapping {
    let firstDay: Int32
    let periodOfDay: [Int32]

    /// Nil when periods overlap or span too many days for a table.
    init?(_ periods: [PeriodDays]) {
        guard let low = periods.map(\.firstDay).min(), let high = periods.map(\.lastDay).max(), low <= high,
            Int(high) - Int(low) < 1_000_000
        else { return nil }
        var periodOfDay = [Int32](repeating: -1, count: Int(high - low) + 1)
        for (index, period) in periods.enumerated() where period.firstDay <= period.lastDay {
            for day in period.firstDay...period.lastDay {
                let slot = Int(day - low)
                if periodOfDay[slot] >= 0 { return nil }
                periodOfDay[slot] = Int32(index)
            }
        }
        self.firstDay = low
        self.periodOfDay = periodOfDay
    }

    @inline(__always)
    func period(of day: Int32) -> Int? {
        let slot = Int(day) - Int(firstDay)
        guard slot >= 0, slot < periodOfDay.count else { return nil }
        let period = periodOfDay[slot]
        return period >= 0 ? Int(period) : nil
    }
}
