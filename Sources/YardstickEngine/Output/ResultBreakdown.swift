import YardstickData
import YardstickQuery

/// Which breakdown member a figure is for: the indicator evaluated with its views restricted
/// to the rows of one member of a dimension (`product.family` = `GTX`), or of one cohort.
///
/// A run's overall figures have no breakdown; a breakdown's figures come after them in the
/// outputs, which add `dimension` and `member` (and `months_since` for monthly cohorts) to
/// each (see docs/run-output.md).
public struct ResultBreakdown: Sendable, Hashable {
    /// The dimension as written in output (`product.family`, `cohort:account:ordered_at:month`).
    public var dimension: String
    /// The member's label (`GTX`, `1997-01`), `(none)` for rows whose path is empty.
    public var member: String
    /// For a monthly cohort in a monthly period: the period's month minus the cohort's month
    /// (0 in the cohort's own month); nil otherwise.
    public var monthsSince: Int?

    /// Creates a breakdown label.
    public init(dimension: String, member: String, monthsSince: Int? = nil) {
        self.dimension = dimension
        self.member = member
        self.monthsSince = monthsSince
    }

    /// The label of a member restriction's figures in a period: for a monthly cohort in a
    /// monthly period, with the months since the cohort's month.
    init(_ restriction: MemberRestriction, period: Period) {
        var monthsSince: Int?
        if case .cohort(let cohort) = restriction.dimension, cohort.unit == .month, period.kind == .month,
            let member = restriction.member, let cohortMonth = Self.monthNumber(member)
        {
            let (year, month, _) = CivilDate.components(ofDay: period.firstDay)
            monthsSince = year * 12 + month - 1 - cohortMonth
        }
        self.init(dimension: restriction.dimension.description, member: restriction.label, monthsSince: monthsSince)
    }

    /// `YYYY-MM` as months since year 0 (year * 12 + month - 1); nil for other text.
    static func monthNumber(_ label: String) -> Int? {
        let parts = label.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        return year * 12 + month - 1
    }
}
