/// An indicator's values for one subject around the scored period, for target functions.
public struct TargetValues: Sendable, Hashable {
    /// The value in the scored window.
    public var value: Double?
    /// The value in the previous period's window.
    public var previous: Double?
    /// The value in the same window last year.
    public var lastYear: Double?

    /// Creates values.
    public init(value: Double? = nil, previous: Double? = nil, lastYear: Double? = nil) {
        self.value = value
        self.previous = previous
        self.lastYear = lastYear
    }
}
