/// Which recorded figures to read: every condition given must hold.
public struct HistoryQuery: Sendable, Hashable {
    /// Only this subject's figures.
    public var subject: String?
    /// Only this indicator's figures (``HistoryStore/totalIndicator`` for totals).
    public var indicator: String?
    /// Only figures recorded for this model (the empty string: runs of indicators alone).
    public var model: String?
    /// Only subjects of this grain.
    public var grain: String?

    /// Creates a query; nil conditions do not filter.
    public init(subject: String? = nil, indicator: String? = nil, model: String? = nil, grain: String? = nil) {
        self.subject = subject
        self.indicator = indicator
        self.model = model
        self.grain = grain
    }
}
