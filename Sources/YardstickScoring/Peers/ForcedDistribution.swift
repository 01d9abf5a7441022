/// A forced distribution applied after ranking: the top share of the peer group gets the first
/// grade, the next share the second, and so on (top 20 % A, 70 % B, 10 % C).
///
/// **Slots.** With `n` ranked subjects, grade `i` ends at position `round(n × (s₁ + … + sᵢ) / 100)`
/// (rounded half up; the last grade always ends at `n`). Rounding the cumulative shares, not each
/// share, keeps the slots summing to `n`: 20/70/10 over 7 subjects gives boundaries 1.4 → 1,
/// 6.3 → 6, 7 — one A, five B, one C. A small group can leave a grade empty (20/70/10 over 2
/// subjects: boundaries 0.4 → 0, 1.8 → 2: no A, two B).
///
/// **Ties.** Subjects who tie (same competition rank) get the same grade: the grade of the
/// tie's first position, which is its best. A tie across a boundary therefore takes the better
/// grade and the worse grade's slots shrink by as many; no subject is ever graded below someone
/// with the same total.
public struct ForcedDistribution: Sendable, Hashable {
    /// The grades with their shares in percent, best first; the shares sum to 100.
    public var shares: [GradeShare]

    /// Creates a distribution.
    ///
    /// - Parameter shares: The grades with their shares in percent, best first.
    public init(_ shares: [GradeShare]) {
        self.shares = shares
    }

    /// The grade of each subject, from their competition ranks (``PeerRanking``).
    ///
    /// - Parameter ranks: The competition rank of each subject (1 is best), in any order.
    /// - Returns: The grade of each subject, in the same order; empty when there are no shares.
    public func grades(forRanks ranks: [Int]) -> [String] {
        guard !shares.isEmpty else { return [] }
        let ends = slotEnds(count: ranks.count)
        return ranks.map { rank in
            let position = rank - 1
            let index = ends.firstIndex { position < $0 } ?? shares.count - 1
            return shares[index].grade
        }
    }

    /// Where each grade's slots end (exclusive positions) for a group of `count`.
    ///
    /// - Parameter count: The number of ranked subjects.
    /// - Returns: One end per share, non-decreasing, the last equal to `count`.
    public func slotEnds(count: Int) -> [Int] {
        var cumulative = 0.0
        return shares.indices.map { index in
            cumulative += shares[index].percent
            if index == shares.count - 1 { return count }
            return min(count, Int((Double(count) * cumulative / 100 + 0.5 + 1e-9).rounded(.down)))
        }
    }
}

/// One grade of a ``ForcedDistribution`` and its share of the peer group.
public struct GradeShare: Sendable, Hashable, Codable {
    /// The grade's name.
    public var grade: String
    /// Its share of the peer group, in percent.
    public var percent: Double

    /// Creates a share.
    ///
    /// - Parameters:
    ///   - grade: The grade's name.
    ///   - percent: Its share in percent.
    public init(grade: String, percent: Double) {
        self.grade = grade
        self.percent = percent
    }
}
