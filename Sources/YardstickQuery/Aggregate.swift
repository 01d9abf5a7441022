import YardstickData

/// The aggregate a terminal call asks for.
public enum Aggregate: Sendable, Hashable, CustomStringConvertible {
    /// The number of rows.
    case count
    /// The sum of the measure over the rows that have a value.
    case sum(Measure)
    /// The mean of the measure over the rows that have a value; missing without any.
    case average(Measure)
    /// The smallest value of the measure; missing without any.
    case minimum(Measure)
    /// The largest value of the measure; missing without any.
    case maximum(Measure)
    /// The median of the measure; missing without any value.
    case median(Measure)
    /// The p-th percentile (p in 0…100) of the measure, interpolated linearly between the
    /// closest ranks; missing without any value.
    case percentile(Measure, Double)
    /// The number of distinct non-empty values of the measure.
    case countDistinct(Measure)
    /// The distinct non-empty values of the measure, sorted.
    case distinct(Measure)
    /// The measure's value in the row with the smallest `by`.
    case first(Measure, by: Measure)
    /// The measure's value in the row with the largest `by`.
    case last(Measure, by: Measure)
    /// The given number of rows with the largest values of the measure.
    case top(Int, Measure)

    /// The aggregate in words.
    public var description: String {
        switch self {
        case .count: "count of rows"
        case .sum(let m): "sum of \(Self.words(m))"
        case .average(let m): "average of \(Self.words(m))"
        case .minimum(let m): "minimum of \(Self.words(m))"
        case .maximum(let m): "maximum of \(Self.words(m))"
        case .median(let m): "median of \(Self.words(m))"
        case .percentile(let m, let p): "\(p)th percentile of \(Self.words(m))"
        case .countDistinct(let m): "number of distinct \(Self.words(m))"
        case .distinct(let m): "distinct values of \(Self.words(m))"
        case .first(let m, let by): "\(Self.words(m)) of the row with the smallest \(Self.words(by))"
        case .last(let m, let by): "\(Self.words(m)) of the row with the largest \(Self.words(by))"
        case .top(let n, let m): "the \(n) rows with the largest \(Self.words(m))"
        }
    }

    /// A measure as its aggregate names it: arithmetic in parentheses (`sum of (amount - cost)`).
    private static func words(_ measure: Measure) -> String {
        measure.isArithmetic ? "(\(measure))" : measure.description
    }
}
