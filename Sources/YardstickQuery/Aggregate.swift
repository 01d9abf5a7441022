import YardstickData

/// The aggregate a terminal call asks for.
public enum Aggregate: Sendable, Hashable, CustomStringConvertible {
    case count
    case sum(Measure)
    case average(Measure)
    case minimum(Measure)
    case maximum(Measure)
    case median(Measure)
    case percentile(Measure, Double)
    case countDistinct(Measure)
    case distinct(Measure)
    case first(Measure, by: Measure)
    case last(Measure, by: Measure)
    case top(Int, Measure)

    /// The aggregate in words.
    public var description: String {
        switch self {
        case .count: "count of rows"
        case .sum(let m): "sum of \(m)"
        case .average(let m): "average of \(m)"
        case .minimum(let m): "minimum of \(m)"
        case .maximum(let m): "maximum of \(m)"
        case .median(let m): "median of \(m)"
        case .percentile(let m, let p): "\(p)th percentile of \(m)"
        case .countDistinct(let m): "number of distinct \(m)"
        case .distinct(let m): "distinct values of \(m)"
        case .first(let m, let by): "\(m) of the row with the smallest \(by)"
        case .last(let m, let by): "\(m) of the row with the largest \(by)"
        case .top(let n, let m): "the \(n) rows with the largest \(m)"
        }
    }
}
