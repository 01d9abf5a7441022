/// One grade of a ``GradeScale``: totals of at least `minimum` get `grade`.
public struct GradeBand: Sendable, Hashable, Codable {
    /// The grade's name (`A`, `优秀`).
    public var grade: String
    /// The lowest total that earns it.
    public var minimum: Double

    /// Creates a band.
    ///
    /// - Parameters:
    ///   - grade: The grade's name.
    ///   - minimum: The lowest total that earns it.
    public init(grade: String, minimum: Double) {
        self.grade = grade
        self.minimum = minimum
    }
}
