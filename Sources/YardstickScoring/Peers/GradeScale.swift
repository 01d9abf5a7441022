/// Grades by total: each ``GradeBand`` from its minimum up to the next band's (A ≥ 90, B ≥ 75…).
///
/// A total equal to a band's minimum earns that band; a total within 1e-9 below it (floating
/// rounding of a weighted sum, 89.99999999999999) earns it too (``PeerRanking/areTied(_:_:)``).
/// A total below every band has no grade, so a scale meant to grade everyone ends with a band
/// at 0 (or below).
public struct GradeScale: Sendable, Hashable {
    /// The bands, best (highest minimum) first.
    public var bands: [GradeBand]

    /// Creates a scale; the bands are ordered by minimum, highest first.
    ///
    /// - Parameter bands: The bands in any order.
    public init(_ bands: [GradeBand]) {
        self.bands = bands.sorted { $0.minimum > $1.minimum }
    }

    /// The grade of a total, or nil when it is below every band.
    ///
    /// - Parameter total: The subject's total score.
    /// - Returns: The grade's name.
    public func grade(for total: Double) -> String? {
        bands.first { total >= $0.minimum || PeerRanking.areTied(total, $0.minimum) }?.grade
    }
}
