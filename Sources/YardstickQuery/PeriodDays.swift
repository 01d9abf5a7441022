/// A period as its first and last local day, inclusive.
public struct PeriodDays: Sendable, Hashable {
    /// The first day.
    public var firstDay: Int32
    /// The last day, inclusive.
    public var lastDay: Int32

    /// Creates a period.
    public init(firstDay: Int32, lastDay: Int32) {
        self.firstDay = firstDay
        self.lastDay = lastDay
    }
}
