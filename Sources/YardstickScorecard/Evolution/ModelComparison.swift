import YardstickEngine
import YardstickLocalization
import YardstickScoring

/// Two models scored over the same data and period (OLD and NEW): per subject the total, grade
/// and rank under each, the rank change and the indicators whose contributions changed most
/// (its causes), the changes between the two definitions (weights, targets, functions…),
/// subjects only one model scores, and a summary — what `yardstick compare-models` reports, so
/// a model can evolve without surprising anyone.
///
/// It reads two ``ScoreReport``s only; ranks are each model's ranks within its own peer groups.
public struct ModelComparison: Sendable {
    /// The old model's id, title and version.
    public var old: ComparedModel
    /// The new model's id, title and version.
    public var new: ComparedModel
    /// The period compared.
    public var period: Period
    /// Every subject of either model: those scored by both first, by new rank (then old rank,
    /// then id; unranked last), then those only in the old model, then those only in the new.
    public var subjects: [SubjectComparison]
    /// What changed between the two definitions: model settings first, then per indicator in
    /// the new model's order (removed indicators last).
    public var definitionChanges: [DefinitionChange]
    /// The counts and the rank correlation.
    public var summary: ComparisonSummary

    /// Compares two reports.
    ///
    /// - Parameters:
    ///   - old: The report under the old model.
    ///   - new: The report under the new model, over the same data.
    ///   - periodLabel: The period to compare (`2017-10`), or nil for the first period of `old`.
    /// - Throws: ``ScorecardError`` when either report lacks the period.
    public init(old: ScoreReport, new: ScoreReport, periodLabel: String? = nil) throws(ScorecardError) {
        guard let label = periodLabel ?? old.periods.first?.period.label else {
            throw ScorecardError([
                ScorecardProblem(file: old.definition.file, line: nil, message: tr("the report has no period"))
            ])
        }
        func scores(_ report: ScoreReport) throws(ScorecardError) -> PeriodScores {
            guard let found = report.periods.first(where: { $0.period.label == label }) else {
                throw ScorecardError([
                    ScorecardProblem(
                        file: report.definition.file, line: nil,
                        message: tr("model %@ was not scored for %@", report.definition.id, label))
                ])
            }
            return found
        }
        let oldScores = try scores(old)
        let newScores = try scores(new)
        self.old = ComparedModel(old.definition)
        self.new = ComparedModel(new.definition)
        period = newScores.period
        definitionChanges = DefinitionChange.changes(from: old.definition, to: new.definition)
        let changedByIndicator = Dictionary(grouping: definitionChanges.filter { $0.indicatorID != nil }) {
            $0.indicatorID ?? ""
        }

        // Subjects match by grain and id (a team and a user may share an id).
        func key(_ subject: SubjectInfo) -> String { subject.grain.rawValue + ":" + subject.id }
        let newByID = Dictionary(
            newScores.subjects.map { (key($0.subject), $0) }, uniquingKeysWith: { first, _ in first })
        let oldIDs = Set(oldScores.subjects.map { key($0.subject) })
        var both: [SubjectComparison] = []
        var onlyOld: [SubjectComparison] = []
        for scored in oldScores.subjects {
            let counterpart = newByID[key(scored.subject)]
            let comparison = SubjectComparison(
                subject: scored.subject, old: SubjectStanding(scored), new: counterpart.map(SubjectStanding.init),
                causes: counterpart.map { Self.causes(scored.scorecard, $0.scorecard, changes: changedByIndicator) }
                    ?? [])
            if counterpart == nil { onlyOld.append(comparison) } else { both.append(comparison) }
        }
        let onlyNew = newScores.subjects.filter { !oldIDs.contains(key($0.subject)) }.map { scored in
            SubjectComparison(subject: scored.subject, old: nil, new: SubjectStanding(scored), causes: [])
        }
        both.sort { left, right in
            let keys = [(left.new?.rank, right.new?.rank), (left.old?.rank, right.old?.rank)]
            for (a, b) in keys where a != b {
                guard let a else { return false }
                guard let b else { return true }
                return a < b
            }
            return left.subject.id.utf8.lexicographicallyPrecedes(right.subject.id.utf8)
        }
        subjects = both + onlyOld + onlyNew
        summary = ComparisonSummary(both: both, onlyInOld: onlyOld.count, onlyInNew: onlyNew.count)
    }

    /// The subjects only the old model scores.
    public var onlyInOld: [SubjectComparison] { subjects.filter { $0.new == nil } }
    /// The subjects only the new model scores.
    public var onlyInNew: [SubjectComparison] { subjects.filter { $0.old == nil } }

    /// Per indicator of either scorecard: old and new contribution, largest change first;
    /// unchanged ones (within 0.005 points) left out.
    private static func causes(
        _ old: SubjectScorecard, _ new: SubjectScorecard, changes: [String: [DefinitionChange]]
    ) -> [ContributionChange] {
        let oldByID = Dictionary(old.indicators.map { ($0.indicatorID, $0) }, uniquingKeysWith: { first, _ in first })
        let newByID = Dictionary(new.indicators.map { ($0.indicatorID, $0) }, uniquingKeysWith: { first, _ in first })
        var ids = new.indicators.map(\.indicatorID)
        ids += old.indicators.map(\.indicatorID).filter { newByID[$0] == nil }
        var seen: Set<String> = []
        let all = ids.filter { seen.insert($0).inserted }.map { id in
            ContributionChange(
                indicatorID: id, oldScore: oldByID[id]?.countedScore, newScore: newByID[id]?.countedScore,
                oldContribution: oldByID[id].map { $0.contribution ?? 0 },
                newContribution: newByID[id].map { $0.contribution ?? 0 },
                definitionChanges: (changes[id] ?? []).map(\.kind))
        }
        return all.filter { abs($0.change) >= 0.005 }.sorted { abs($0.change) > abs($1.change) }
    }
}

/// A model's identity in a comparison.
public struct ComparedModel: Sendable, Hashable, Codable {
    /// The model's id.
    public var id: String
    /// Its English title.
    public var title: String
    /// Its Chinese title, if any.
    public var titleZH: String?
    /// Its declared version, if any.
    public var version: String?
    /// Its file.
    public var file: String

    /// The identity of `definition`.
    public init(_ definition: ScorecardDefinition) {
        id = definition.id
        title = definition.title
        titleZH = definition.titleZH
        version = definition.version
        file = definition.file
    }

    /// `id` or `id (version)`.
    public var label: String { version.map { "\(id) (\($0))" } ?? id }
}

/// One subject under both models (or only one).
public struct SubjectComparison: Sendable {
    /// Who.
    public var subject: SubjectInfo
    /// Where the subject stands under the old model; nil when the old model does not score it.
    public var old: SubjectStanding?
    /// Where the subject stands under the new model; nil when the new model does not score it.
    public var new: SubjectStanding?
    /// The indicators whose contributions changed, largest change first.
    public var causes: [ContributionChange]

    /// Creates a subject's comparison.
    public init(subject: SubjectInfo, old: SubjectStanding?, new: SubjectStanding?, causes: [ContributionChange]) {
        self.subject = subject
        self.old = old
        self.new = new
        self.causes = causes
    }

    /// How many places the subject moved up (positive) or down (negative); nil unless ranked
    /// under both.
    public var rankChange: Int? {
        guard let oldRank = old?.rank, let newRank = new?.rank else { return nil }
        return oldRank - newRank
    }

    /// `new total − old total`, when both exist.
    public var totalChange: Double? {
        guard let oldTotal = old?.total, let newTotal = new?.total else { return nil }
        return newTotal - oldTotal
    }
}

/// Where a subject stands under one model.
public struct SubjectStanding: Sendable, Hashable, Codable {
    /// The total, or nil when there is none.
    public var total: Double?
    /// Whether the total is complete.
    public var status: TotalStatus
    /// The grade from the bands.
    public var grade: String?
    /// The grade from the forced distribution.
    public var distributedGrade: String?
    /// The rank in the peer group.
    public var rank: Int?
    /// The peer group (`all`, `role = sales`).
    public var peerGroup: String

    /// The standing of a scored subject.
    public init(_ scored: ScoredSubject) {
        total = scored.scorecard.total
        status = scored.scorecard.status
        grade = scored.scorecard.grade
        distributedGrade = scored.scorecard.distributedGrade
        rank = scored.scorecard.rank
        peerGroup = scored.peerGroup
    }
}

/// One indicator's contribution to a subject's total under each model.
public struct ContributionChange: Sendable, Hashable, Encodable {
    /// The indicator id.
    public var indicatorID: String
    /// Its counted score under the old model (nil: not scored, or not counted).
    public var oldScore: Double?
    /// Its counted score under the new model.
    public var newScore: Double?
    /// Its contribution under the old model (nil: the old model does not have it).
    public var oldContribution: Double?
    /// Its contribution under the new model (nil: the new model does not have it).
    public var newContribution: Double?
    /// What changed in its definition between the models.
    public var definitionChanges: [DefinitionChange.Kind]

    /// Creates a change.
    public init(
        indicatorID: String, oldScore: Double?, newScore: Double?, oldContribution: Double?, newContribution: Double?,
        definitionChanges: [DefinitionChange.Kind]
    ) {
        self.indicatorID = indicatorID
        self.oldScore = oldScore
        self.newScore = newScore
        self.oldContribution = oldContribution
        self.newContribution = newContribution
        self.definitionChanges = definitionChanges
    }

    /// `new contribution − old contribution` (an absent side counts 0).
    public var change: Double { (newContribution ?? 0) - (oldContribution ?? 0) }

    private enum CodingKeys: String, CodingKey {
        case indicatorID, oldScore, newScore, oldContribution, newContribution, change, definitionChanges
    }

    /// Encodes the fields and ``change``; absent values are left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(indicatorID, forKey: .indicatorID)
        try container.encodeIfPresent(oldScore, forKey: .oldScore)
        try container.encodeIfPresent(newScore, forKey: .newScore)
        try container.encodeIfPresent(oldContribution, forKey: .oldContribution)
        try container.encodeIfPresent(newContribution, forKey: .newContribution)
        try container.encode(change, forKey: .change)
        try container.encode(definitionChanges, forKey: .definitionChanges)
    }
}

/// How the ranks moved between the models, over the subjects both score.
public struct ComparisonSummary: Sendable, Hashable, Codable {
    /// Subjects scored by both models.
    public var inBoth: Int
    /// Subjects ranked under both models.
    public var rankedInBoth: Int
    /// Of those, how many moved up, down, or kept their rank.
    public var movedUp: Int
    /// How many moved down.
    public var movedDown: Int
    /// How many kept their rank.
    public var unchanged: Int
    /// How many got a different grade (bands).
    public var gradeChanged: Int
    /// The mean of |rank change| over the subjects ranked under both, or nil when none are.
    public var meanAbsoluteRankChange: Double?
    /// Spearman's rank correlation of the two totals over the subjects with a total under both
    /// (tied totals get their average rank; 1: same order, −1: reversed), or nil for fewer than
    /// two subjects or when either side's totals are all equal.
    public var rankCorrelation: Double?
    /// Subjects only the old model scores.
    public var onlyInOld: Int
    /// Subjects only the new model scores.
    public var onlyInNew: Int

    init(both: [SubjectComparison], onlyInOld: Int, onlyInNew: Int) {
        inBoth = both.count
        let changes = both.compactMap(\.rankChange)
        rankedInBoth = changes.count
        movedUp = changes.filter { $0 > 0 }.count
        movedDown = changes.filter { $0 < 0 }.count
        unchanged = changes.filter { $0 == 0 }.count
        gradeChanged = both.filter { $0.old?.grade != $0.new?.grade }.count
        meanAbsoluteRankChange =
            changes.isEmpty ? nil : Double(changes.map { abs($0) }.reduce(0, +)) / Double(changes.count)
        let pairs = both.compactMap { subject -> (Double, Double)? in
            guard let old = subject.old?.total, let new = subject.new?.total else { return nil }
            return (old, new)
        }
        rankCorrelation = Self.spearman(pairs)
        self.onlyInOld = onlyInOld
        self.onlyInNew = onlyInNew
    }

    /// Spearman's rho: the Pearson correlation of the average ranks.
    static func spearman(_ pairs: [(Double, Double)]) -> Double? {
        guard pairs.count >= 2 else { return nil }
        let first = averageRanks(pairs.map(\.0))
        let second = averageRanks(pairs.map(\.1))
        let n = Double(pairs.count)
        let meanFirst = first.reduce(0, +) / n
        let meanSecond = second.reduce(0, +) / n
        var covariance = 0.0
        var varianceFirst = 0.0
        var varianceSecond = 0.0
        for (a, b) in zip(first, second) {
            covariance += (a - meanFirst) * (b - meanSecond)
            varianceFirst += (a - meanFirst) * (a - meanFirst)
            varianceSecond += (b - meanSecond) * (b - meanSecond)
        }
        guard varianceFirst > 0, varianceSecond > 0 else { return nil }
        return covariance / (varianceFirst * varianceSecond).squareRoot()
    }

    /// Ranks 1… by value, highest first, tied values (``PeerRanking/areTied(_:_:)``) sharing
    /// the mean of their positions.
    static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] > values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, PeerRanking.areTied(values[order[start]], values[order[end + 1]]) { end += 1 }
            let mean = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = mean }
            start = end + 1
        }
        return ranks
    }
}
