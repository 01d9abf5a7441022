/// An inner node of the scorecard tree: a named group of indicators and dimensions, any depth,
/// with its weight within its parent.
public struct ScorecardDimension: Sendable {
    /// The dimension's name (`results`); unique among its siblings.
    public var id: String
    /// The title the reports show (`title = "Results"` or `{ en = …, zh = … }`); nil shows the id.
    public var title: String?
    /// The Chinese title, for `zh-CN` reports; nil falls back to ``title``.
    public var titleZH: String?
    /// The weight within its parent (see ``WeightRule``).
    public var weight: Double
    /// Its children, in declaration order.
    public var children: [ScorecardNode]
    /// Where it was declared, for errors.
    public var location: ModelLocation?

    /// Creates a dimension.
    ///
    /// - Parameters:
    ///   - id: The dimension's name.
    ///   - weight: The weight within its parent.
    ///   - location: Where it was declared.
    ///   - children: Its indicators and dimensions.
    public init(_ id: String, weight: Double, location: ModelLocation? = nil, children: [ScorecardNode]) {
        self.id = id
        self.weight = weight
        self.location = location
        self.children = children
    }

    /// The name reports show in a locale: the Chinese title for `zh-CN` when there is one, else
    /// the title, else the id.
    public func title(locale: String) -> String {
        (locale.hasPrefix("zh") ? titleZH : nil) ?? title ?? id
    }
}

/// A node of the scorecard tree: a dimension or an indicator.
public enum ScorecardNode: Sendable {
    /// A dimension and its children.
    case dimension(ScorecardDimension)
    /// An indicator leaf.
    case indicator(ScorecardIndicator)

    /// The node's name in paths.
    public var id: String {
        switch self {
        case .dimension(let dimension): dimension.id
        case .indicator(let indicator): indicator.id
        }
    }

    /// The node's weight within its parent.
    public var weight: Double {
        switch self {
        case .dimension(let dimension): dimension.weight
        case .indicator(let indicator): indicator.weight
        }
    }

    /// Where the node was declared.
    public var location: ModelLocation? {
        switch self {
        case .dimension(let dimension): dimension.location
        case .indicator(let indicator): indicator.location
        }
    }
}
