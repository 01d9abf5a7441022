/// Competition ranking ("1224") within a peer group: tied subjects share the best rank of their
/// tie and the next subject's rank counts everyone ahead of it.
///
/// Ties are decided with a relative tolerance of 1e-9 (``areTied(_:_:)``), so totals that differ
/// only by floating-point rounding (89.99999999999999 and 90) tie. Competition ranking is the
/// usual appraisal choice: nobody's rank improves because others tied above them.
public enum PeerRanking {
    /// The competition rank of each value (1 is best), in the order given.
    ///
    /// ```swift
    /// PeerRanking.competitionRanks(of: [70, 90, 80, 90], direction: .higherIsBetter)  // [4, 1, 3, 1]
    /// ```
    ///
    /// - Parameters:
    ///   - values: The values of the peer group.
    ///   - direction: Whether higher or lower values rank first.
    /// - Returns: One rank per value, in the same order.
    public static func competitionRanks(of values: [Double], direction: Direction) -> [Int] {
        let order = values.indices.sorted { left, right in
            let a = values[left]
            let b = values[right]
            if areTied(a, b) { return left < right }
            return direction.isBetter(a, than: b)
        }
        var ranks = [Int](repeating: 0, count: values.count)
        var tieStart = 0
        for (position, index) in order.enumerated() {
            if position > 0 && areTied(values[order[tieStart]], values[index]) {
                ranks[index] = ranks[order[tieStart]]
            } else {
                tieStart = position
                ranks[index] = position + 1
            }
        }
        return ranks
    }

    /// Whether two scores or values count as equal for ranking: they differ by at most 1e-9
    /// times the larger magnitude (or 1e-9 below magnitude 1).
    ///
    /// - Parameters:
    ///   - a: One value.
    ///   - b: The other.
    /// - Returns: Whether they tie.
    public static func areTied(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }
}
