/// The value of one indicator for one subject in one period: one row of the long-format output.
///
/// A run holds one per indicator, subject and period, so the parts that repeat are shared: the
/// figures of one subject in one period share one ``SubjectPart``, the figures of one indicator
/// one ``IndicatorPart``. A figure is then two references and its value.
public struct IndicatorResult: Sendable, Equatable {
    /// What the figures of one subject in one period have in common.
    public final class SubjectPart: Sendable {
        let period: Period
        let grain: Grain
        let id: String
        let name: String
        let breakdown: ResultBreakdown?

        /// Creates the shared part of a subject's figures in a period (for one breakdown member
        /// when `breakdown` is given).
        public init(period: Period, grain: Grain, id: String, name: String, breakdown: ResultBreakdown? = nil) {
            self.period = period
            self.grain = grain
            self.id = id
            self.name = name
            self.breakdown = breakdown
        }
    }

    /// What the figures of one indicator have in common.
    public final class IndicatorPart: Sendable {
        let id: String
        let title: String
        let unit: IndicatorUnit

        /// Creates the shared part of an indicator's figures.
        public init(id: String, title: String, unit: IndicatorUnit) {
            self.id = id
            self.title = title
            self.unit = unit
        }
    }

    private var subjectPart: SubjectPart
    private var indicatorPart: IndicatorPart
    /// The value, or why there is none.
    public var value: ResultValue

    /// Creates a result from shared parts.
    public init(subject: SubjectPart, indicator: IndicatorPart, value: ResultValue) {
        subjectPart = subject
        indicatorPart = indicator
        self.value = value
    }

    /// Creates a result.
    public init(
        period: Period, grain: Grain, subjectID: String, subjectName: String, indicatorID: String, title: String,
        unit: IndicatorUnit, value: ResultValue
    ) {
        subjectPart = SubjectPart(period: period, grain: grain, id: subjectID, name: subjectName)
        indicatorPart = IndicatorPart(id: indicatorID, title: title, unit: unit)
        self.value = value
    }

    /// The period the value covers.
    public var period: Period {
        get { subjectPart.period }
        set {
            subjectPart = SubjectPart(
                period: newValue, grain: grain, id: subjectID, name: subjectName, breakdown: breakdown)
        }
    }

    /// The kind of subject.
    public var grain: Grain {
        get { subjectPart.grain }
        set {
            subjectPart = SubjectPart(
                period: period, grain: newValue, id: subjectID, name: subjectName, breakdown: breakdown)
        }
    }

    /// The subject's identifier in the data (`u17`, `team-east`).
    public var subjectID: String {
        get { subjectPart.id }
        set {
            subjectPart = SubjectPart(
                period: period, grain: grain, id: newValue, name: subjectName, breakdown: breakdown)
        }
    }

    /// The subject's display name (`王芳`).
    public var subjectName: String {
        get { subjectPart.name }
        set {
            subjectPart = SubjectPart(period: period, grain: grain, id: subjectID, name: newValue, breakdown: breakdown)
        }
    }

    /// The breakdown member the figure is for; nil for an overall figure.
    public var breakdown: ResultBreakdown? {
        get { subjectPart.breakdown }
        set {
            subjectPart = SubjectPart(
                period: period, grain: grain, id: subjectID, name: subjectName, breakdown: newValue)
        }
    }

    /// The indicator's identifier (`win_rate`).
    public var indicatorID: String {
        get { indicatorPart.id }
        set { indicatorPart = IndicatorPart(id: newValue, title: title, unit: unit) }
    }

    /// The indicator's title, used when the report has no ``IndicatorInfo`` for it.
    public var title: String {
        get { indicatorPart.title }
        set { indicatorPart = IndicatorPart(id: indicatorID, title: newValue, unit: unit) }
    }

    /// What the value measures.
    public var unit: IndicatorUnit {
        get { indicatorPart.unit }
        set { indicatorPart = IndicatorPart(id: indicatorID, title: title, unit: newValue) }
    }

    /// Equal when every field is equal (shared parts or not).
    public static func == (a: IndicatorResult, b: IndicatorResult) -> Bool {
        a.value == b.value && a.period == b.period && a.grain == b.grain && a.subjectID == b.subjectID
            && a.subjectName == b.subjectName && a.indicatorID == b.indicatorID && a.title == b.title
            && a.unit == b.unit && a.breakdown == b.breakdown
    }

    /// Whether this figure and `other` share their subject part (then they are of the same
    /// subject and period).
    func sharesSubjectPart(with other: IndicatorResult) -> Bool { subjectPart === other.subjectPart }

    /// The part this figure shares with the other figures of its indicator.
    var sharedIndicatorPart: IndicatorPart { indicatorPart }

    /// The same figure with another indicator part.
    func withIndicatorPart(_ part: IndicatorPart) -> IndicatorResult {
        IndicatorResult(subject: subjectPart, indicator: part, value: value)
    }
}
