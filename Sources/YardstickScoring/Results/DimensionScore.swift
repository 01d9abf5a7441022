/// One dimension's result for one subject: its subtotal and its children's results.
public struct DimensionScore: Sendable {
    /// The path from the top of the model (`["results"]`).
    public var path: [String]
    /// The dimension's id.
    public var id: String
    /// The weight as declared.
    public var declaredWeight: Double
    /// The share of its parent after re-weighting (0…1; 0 when left out).
    public var share: Double
    /// The share of the total after re-weighting.
    public var totalShare: Double
    /// The subtotal: its children's counted scores weighted by their shares (0…cap); nil when
    /// every child was left out.
    public var score: Double?
    /// The points it adds to the total: `score × totalShare`.
    public var contribution: Double?
    /// ``MissingValuePolicy/excludeAndReweight`` when all its children were left out (so it
    /// was too), else nil.
    public var appliedPolicy: MissingValuePolicy?
    /// Its children's results, in declaration order.
    public var children: [NodeScore]

    /// Whether its subtotal lacks an indicator under ``MissingValuePolicy/markIncomplete`` (at any
    /// depth below it), so the subtotal is only the sum of what is there.
    public var isIncomplete: Bool {
        children.contains { child in
            switch child {
            case .indicator(let indicator): indicator.appliedPolicy == .markIncomplete
            case .dimension(let dimension): dimension.isIncomplete
            }
        }
    }
}

/// A node of a subject's result tree.
public enum NodeScore: Sendable {
    /// A dimension's result.
    case dimension(DimensionScore)
    /// An indicator's result.
    case indicator(IndicatorScore)

    /// The node's path from the top.
    public var path: [String] {
        switch self {
        case .dimension(let dimension): dimension.path
        case .indicator(let indicator): indicator.path
        }
    }

    /// The node's counted score (a dimension's subtotal).
    public var score: Double? {
        switch self {
        case .dimension(let dimension): dimension.score
        case .indicator(let indicator): indicator.countedScore
        }
    }
}
