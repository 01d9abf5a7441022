/// The distribution of a peer group's values or scores, for rollups (a team's member scores):
/// count, mean, median, minimum, maximum and spread.
///
/// The spread is the **population** standard deviation (divided by n, not n − 1): a peer group
/// is every member of the team, not a sample drawn from a larger one. Missing values are left
/// out before anything is computed; without any value every figure but ``count`` is nil.
public struct PeerStatistics: Sendable, Hashable {
    /// How many values there are (missing ones left out).
    public var count: Int
    /// The arithmetic mean.
    public var mean: Double?
    /// The median: the middle value, or the mean of the two middle values of an even count.
    public var median: Double?
    /// The smallest value.
    public var minimum: Double?
    /// The largest value.
    public var maximum: Double?
    /// The population standard deviation: `sqrt(Σ (x − mean)² / n)`.
    public var standardDeviation: Double?

    /// Computes the statistics of `values`.
    ///
    /// - Parameter values: The values; nil entries (missing) are left out.
    public init(values: [Double?]) {
        let present = values.compactMap { $0 }.sorted()
        count = present.count
        guard let first = present.first, let last = present.last else {
            mean = nil
            median = nil
            minimum = nil
            maximum = nil
            standardDeviation = nil
            return
        }
        let n = Double(present.count)
        let mean = present.reduce(0, +) / n
        self.mean = mean
        let middle = present.count / 2
        median = present.count % 2 == 1 ? present[middle] : (present[middle - 1] + present[middle]) / 2
        minimum = first
        maximum = last
        standardDeviation = (present.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
    }
}
