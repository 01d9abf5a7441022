import YardstickEngine
import YardstickLocalization
import YardstickScoring

/// Why one subject got its total in one period: the path from each indicator's value through
/// target, completion, scoring function, score, weight and share to its contribution, each
/// dimension's subtotal, and the total, grade and rank — what `yardstick explain --model`
/// shows, so a manager can show a rep exactly why.
///
/// It reads a ``ScoreReport`` only, so it explains reports made by ``ScorecardRunner`` and
/// reports built by hand alike. ``text(locale:)`` renders it; the records behind each value
/// come from the indicator explain (`Evaluator.explain`), which the command appends per
/// indicator (``indicatorIDs``).
public struct ScoreExplanation: Sendable {
    /// The model.
    public var definition: ScorecardDefinition
    /// The scored period (targets are this period's).
    public var period: Period
    /// The days the values cover (shorter than ``period`` in a to-date view).
    public var window: Period
    /// The as-of day number.
    public var asOf: Int32
    /// The subject explained, with its scorecard, targets and comparisons.
    public var subject: ScoredSubject
    /// The indicators' titles, units and directions, by id.
    public var indicators: [String: IndicatorInfo]
    /// How many of the period's subjects share the subject's peer group.
    public var peerGroupSize: Int
    /// How many of them have a rank (a complete total).
    public var rankedInPeerGroup: Int

    /// Finds a subject of a report.
    ///
    /// - Parameters:
    ///   - report: The scored report.
    ///   - subjectID: The subject's id (of the model's grain).
    ///   - periodLabel: The period's label (`2017-10`), or nil for the report's only (or first)
    ///     period.
    /// - Throws: ``ScorecardError`` when the report has no such period or subject (naming a few
    ///   that exist).
    public init(report: ScoreReport, subjectID: String, periodLabel: String? = nil) throws(ScorecardError) {
        let file = report.definition.file
        let scores: PeriodScores
        if let periodLabel {
            guard let found = report.periods.first(where: { $0.period.label == periodLabel }) else {
                let known = report.periods.map(\.period.label).joined(separator: ", ")
                throw ScorecardError([
                    ScorecardProblem(
                        file: file, line: nil,
                        message: tr("the report has no period %@ (it has %@)", periodLabel, known))
                ])
            }
            scores = found
        } else {
            guard let first = report.periods.first else {
                throw ScorecardError([ScorecardProblem(file: file, line: nil, message: tr("the report has no period"))])
            }
            scores = first
        }
        guard let subject = scores.subjects.first(where: { $0.subject.id == subjectID }) else {
            let examples = scores.subjects.prefix(5).map(\.subject.id).joined(separator: ", ")
            let grain = report.definition.per.rawValue
            throw ScorecardError([
                ScorecardProblem(
                    file: file, line: nil,
                    message: examples.isEmpty
                        ? tr(
                            "model %@ scores no %@ \"%@\" in %@ (it scores none)", report.definition.id, grain,
                            subjectID, scores.period.label)
                        : tr(
                            "model %@ scores no %@ \"%@\" in %@ (e.g. %@)", report.definition.id, grain, subjectID,
                            scores.period.label, examples))
            ])
        }
        let peers = scores.subjects.filter { $0.peerGroup == subject.peerGroup }
        self.definition = report.definition
        self.period = scores.period
        self.window = scores.window
        self.asOf = report.asOf
        self.subject = subject
        self.indicators = Dictionary(report.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.peerGroupSize = peers.count
        self.rankedInPeerGroup = peers.filter { $0.scorecard.rank != nil }.count
    }

    /// The ids of the indicators scored, in model order, each once: the indicators whose
    /// records the command appends.
    public var indicatorIDs: [String] {
        var seen: Set<String> = []
        return subject.scorecard.indicators.map(\.indicatorID).filter { seen.insert($0).inserted }
    }

    /// The grade band the total fell in, with the next band's minimum above it (nil for the
    /// best band), when the subject has a grade.
    public var gradeBand: (band: GradeBand, below: Double?)? {
        guard let grade = subject.scorecard.grade, let bands = definition.model.grades?.bands,
            let index = bands.firstIndex(where: { $0.grade == grade })
        else { return nil }
        return (bands[index], index > 0 ? bands[index - 1].minimum : nil)
    }
}
