import YardstickEngine
import YardstickScoring

/// The subjects of a period in the score JSON: each one's total, grade and rank, its dimension
/// tree and every indicator's figures.
extension ScoreJSONWriter {
    static func subjectJSON(_ scored: ScoredSubject, period: PeriodScores, facts: ScoreFacts) -> JSONText {
        let subject = scored.subject
        let scorecard = scored.scorecard
        var fields: [String: JSONText] = [
            "id": .string(subject.id),
            "name": .string(subject.name),
            "grain": .string(subject.grain.rawValue),
            "peer_group": .string(scored.peerGroup),
            "total": ScoreNumberText.json(scorecard.total),
            "status": .string(ScoreFacts.status(of: scorecard.status)),
            "grade": scorecard.grade.map(JSONText.string) ?? .null,
            "rank": ScoreNumberText.json(scorecard.rank),
            "dimensions": .array(scorecard.nodes.compactMap(dimensionJSON)),
            "indicators": .array(
                scorecard.indicators.map { indicatorJSON($0, subject: scored, period: period, facts: facts) }),
        ]
        if let team = subject.team { fields["team"] = .string(team) }
        if let role = subject.role { fields["role"] = .string(role) }
        if let distributed = scorecard.distributedGrade { fields["distributed_grade"] = .string(distributed) }
        let incomplete = scorecard.missingIndicators.filter { $0.policy == .markIncomplete }
        if !incomplete.isEmpty {
            fields["incomplete_because"] = .array(incomplete.map { pathJSON($0.path) })
        }
        return .object(fields)
    }

    /// A dimension and, nested, its sub-dimensions; its indicators are named by id (their
    /// figures are in the subject's `indicators`, under the same path).
    static func dimensionJSON(_ node: NodeScore) -> JSONText? {
        guard case .dimension(let dimension) = node else { return nil }
        var indicatorIDs: [JSONText] = []
        for case .indicator(let indicator) in dimension.children { indicatorIDs.append(.string(indicator.indicatorID)) }
        var fields: [String: JSONText] = [
            "id": .string(dimension.id),
            "path": pathJSON(dimension.path),
            "weight": ScoreNumberText.json(dimension.declaredWeight),
            "share": ScoreNumberText.json(dimension.share),
            "total_share": ScoreNumberText.json(dimension.totalShare),
            "score": ScoreNumberText.json(dimension.score),
            "contribution": ScoreNumberText.json(dimension.contribution),
            "status": .string(ScoreFacts.status(of: dimension)),
            "dimensions": .array(dimension.children.compactMap(dimensionJSON)),
            "indicators": .array(indicatorIDs),
        ]
        if let policy = dimension.appliedPolicy { fields["policy_applied"] = .string(policy.rawValue) }
        return .object(fields)
    }

    static func indicatorJSON(
        _ indicator: IndicatorScore, subject: ScoredSubject, period: PeriodScores, facts: ScoreFacts
    ) -> JSONText {
        let id = indicator.indicatorID
        let (status, reason) = facts.status(of: indicator, in: subject, period: period)
        let outcome = indicator.outcome
        var fields: [String: JSONText] = [
            "id": .string(id),
            "path": pathJSON(indicator.path),
            "status": .string(status),
            "value": ScoreNumberText.json(indicator.value),
            "target": ScoreNumberText.json(indicator.target),
            "completion": completionJSON(indicator.completion),
            "better": .string(indicator.direction.rawValue),
            "function": .string(indicator.function.name),
            "parameters": .string(indicator.function.explanation),
            "cap": ScoreNumberText.json(indicator.cap),
            "score": ScoreNumberText.json(outcome.score),
            "counted_score": ScoreNumberText.json(indicator.countedScore),
            "policy": .string(facts.declaredPolicy(of: indicator).rawValue),
            "weight": ScoreNumberText.json(indicator.declaredWeight),
            "share": ScoreNumberText.json(indicator.share),
            "total_share": ScoreNumberText.json(indicator.totalShare),
            "contribution": ScoreNumberText.json(indicator.contribution),
        ]
        if let reason { fields["missing_reason"] = .string(reason) }
        if let policy = indicator.appliedPolicy { fields["policy_applied"] = .string(policy.rawValue) }
        if let target = subject.targets[id] { targetFields(target, into: &fields) }
        if outcome.reference != nil || outcome.peerRank != nil || outcome.peerCount != nil {
            var peer: [String: JSONText] = [:]
            if let reference = outcome.reference { peer["reference"] = ScoreNumberText.json(reference) }
            if let rank = outcome.peerRank { peer["rank"] = ScoreNumberText.json(rank) }
            if let count = outcome.peerCount { peer["count"] = ScoreNumberText.json(count) }
            fields["peers"] = .object(peer)
        }
        if let comparison = subject.comparisons[id] {
            fields["previous"] = ScoreNumberText.json(comparison.previous)
            fields["last_year"] = ScoreNumberText.json(comparison.lastYear)
            fields["deltas"] = .object([
                "change_previous": ScoreNumberText.json(comparison.changeFromPrevious),
                "relative_change_previous": ScoreNumberText.json(comparison.relativeChangeFromPrevious),
                "change_last_year": ScoreNumberText.json(comparison.changeFromLastYear),
                "relative_change_last_year": ScoreNumberText.json(comparison.relativeChangeFromLastYear),
            ])
        }
        if let pipeline = subject.pipeline[id] { fields["pipeline"] = ScoreNumberText.json(pipeline) }
        return .object(fields)
    }

    /// Where a target came from: `target_rule`, and for quotas `tier`, `tiers` and
    /// `quota_rows`; `target_missing_reason` when there is none.
    static func targetFields(_ target: ResolvedTarget, into fields: inout [String: JSONText]) {
        fields["target_rule"] = .string(target.rule)
        if let tier = target.tier { fields["tier"] = .string(tier.rawValue) }
        if !target.tiers.isEmpty {
            var tiers: [String: JSONText] = [:]
            for (tier, value) in target.tiers { tiers[tier.rawValue] = ScoreNumberText.json(value) }
            fields["tiers"] = .object(tiers)
        }
        if !target.quotaRows.isEmpty { fields["quota_rows"] = .array(target.quotaRows.map(JSONText.string)) }
        if let reason = target.missingReason { fields["target_missing_reason"] = .string(reason) }
    }

    /// `{ "value": 1.05, "rule": "value/target", "met": true }`, or `null` without a target.
    static func completionJSON(_ completion: Completion?) -> JSONText {
        guard let completion else { return .null }
        return .object([
            "value": ScoreNumberText.json(completion.ratio), "rule": .string(completion.rule.rawValue),
            "met": boolean(completion.isMet),
        ])
    }

    static func pathJSON(_ path: [String]) -> JSONText {
        .array(path.map(JSONText.string))
    }
}
