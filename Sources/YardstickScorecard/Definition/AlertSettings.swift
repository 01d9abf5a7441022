/// The alerts a model raises on its targets: milestones crossed, falling behind pace, and the
/// reminder near the end of the period.
public struct AlertSettings: Sendable, Hashable {
    /// Completion marks whose crossing is announced (fractions: 0.5, 0.8, 1.0, 1.2 by default).
    public var milestones: [Double]
    /// The pace check, if on.
    public var pace: PaceSettings?
    /// The period-end reminder, if on.
    public var reminder: ReminderSettings?

    /// The default marks: 50 %, 80 %, 100 %, 120 %.
    public static let defaultMilestones: [Double] = [0.5, 0.8, 1.0, 1.2]

    /// Creates settings.
    public init(
        milestones: [Double] = AlertSettings.defaultMilestones, pace: PaceSettings? = nil,
        reminder: ReminderSettings? = nil
    ) {
        self.milestones = milestones
        self.pace = pace
        self.reminder = reminder
    }
}

/// Behind-pace alerts: a subject is behind when its completion trails the share of the period
/// elapsed (linear pace) by more than the tolerance.
public struct PaceSettings: Sendable, Hashable {
    /// How far behind the linear pace is tolerated, as a fraction of the target (0.10).
    public var tolerance: Double
    /// Whether only working days count (elapsed and remaining).
    public var workingDaysOnly: Bool
    /// The working weekdays, ISO numbering (1 = Monday … 7 = Sunday); Monday to Friday by
    /// default.
    public var workingWeekdays: Set<Int>
    /// Extra non-working dates (holidays), as day numbers.
    public var holidays: Set<Int32>

    /// Creates settings.
    public init(
        tolerance: Double = 0.10, workingDaysOnly: Bool = false, workingWeekdays: Set<Int> = [1, 2, 3, 4, 5],
        holidays: Set<Int32> = []
    ) {
        self.tolerance = tolerance
        self.workingDaysOnly = workingDaysOnly
        self.workingWeekdays = workingWeekdays
        self.holidays = holidays
    }
}

/// The month-end (period-end) reminder for subjects far behind.
public struct ReminderSettings: Sendable, Hashable {
    /// How many days before the period's last day the reminder starts (5).
    public var leadDays: Int
    /// Completion below which a subject is reminded (0.8 of the target by default).
    public var below: Double

    /// Creates settings.
    public init(leadDays: Int = 5, below: Double = 0.8) {
        self.leadDays = leadDays
        self.below = below
    }
}
