import YardstickEngine
import YardstickScoring

/// The subjects of a period in the score JSON: each one's total, grade and rank, its dimension
/// tree and every indicator's figures. These objects are the bulk of a large report, so their
/// keys are listed already in byte order (``sortedObject(_:)``) instead of being sorted per
/// object.
extension ScoreJSONWriter {
    static func subjectJSON(_ scored: ScoredSubject, period: PeriodScores, facts: ScoreFacts) -> JSONText {
        let subject = scored.subject
        let scorecard = scored.scorecard
        let incomplete = scorecard.missingIndicators.filter { $0.policy == .markIncomplete }
        return sortedObject([
            ("dimensions", .array(scorecard.nodes.compactMap(dimensionJSON))),
            ("distributed_grade", scorecard.distributedGrade.map(JSONText.string)),
            ("grade", scorecard.grade.map(JSONText.string) ?? .null),
            ("grain", .string(subject.grain.rawValue)),
            ("id", .string(subject.id)),
            ("incomplete_because", incomplete.isEmpty ? nil : .array(incomplete.map { pathJSON($0.path) })),
            (
                "indicators",
                .array(scorecard.indicators.map { indicatorJSON($0, subject: scored, period: period, facts: facts) })
            ),
            ("name", .string(subject.name)),
            ("peer_group", .string(scored.peerGroup)),
            ("rank", ScoreNumberText.json(scorecard.rank)),
            ("role", subject.role.map(JSONText.string)),
            ("status", .string(ScoreFacts.status(of: scorecard.status))),
            ("team", subject.team.map(JSONText.string)),
            ("total", ScoreNumberText.json(scorecard.total)),
        ])
    }

    /// A dimension and, nested, its sub-dimensions; its indicators are named by id (their
    /// figures are in the subject's `indicators`, under the same path).
    static func dimensionJSON(_ node: NodeScore) -> JSONText? {
        guard case .dimension(let dimension) = node else { return nil }
        var indicatorIDs: [JSONText] = []
        for case .indicator(let indicator) in dimension.children { indicatorIDs.append(.string(indicator.indicatorID)) }
        return sortedObject([
            ("contribution", ScoreNumberText.json(dimension.contribution)),
            ("dimensions", .array(dimension.children.compactMap(dimensionJSON))),
            ("id", .string(dimension.id)),
            ("indicators", .array(indicatorIDs)),
            ("path", pathJSON(dimension.path)),
            ("policy_applied", dimension.appliedPolicy.map { .string($0.rawValue) }),
            ("score", ScoreNumberText.json(dimension.score)),
            ("share", ScoreNumberText.json(dimension.share)),
            ("status", .string(ScoreFacts.status(of: dimension))),
            ("total_share", ScoreNumberText.json(dimension.totalShare)),
            ("weight", ScoreNumberText.json(dimension.declaredWeight)),
        ])
    }

    static func indicatorJSON(
        _ indicator: IndicatorScore, subject: ScoredSubject, period: PeriodScores, facts: ScoreFacts
    ) -> JSONText {
        let id = indicator.indicatorID
        let (status, reason) = facts.status(of: indicator, in: subject, period: period)
        let outcome = indicator.outcome
        let target = subject.targets[id]
        let comparison = subject.comparisons[id]
        return sortedObject([
            ("better", .string(indicator.direction.rawValue)),
            ("cap", ScoreNumberText.json(indicator.cap)),
            ("completion", completionJSON(indicator.completion)),
            ("contribution", ScoreNumberText.json(indicator.contribution)),
            ("counted_score", ScoreNumberText.json(indicator.countedScore)),
            ("deltas", comparison.map(deltasJSON)),
            ("function", .string(indicator.function.name)),
            ("id", .string(id)),
            ("last_year", comparison.map { ScoreNumberText.json($0.lastYear) }),
            ("missing_reason", reason.map(JSONText.string)),
            ("parameters", .string(indicator.function.explanation)),
            ("path", pathJSON(indicator.path)),
            ("peers", peersJSON(outcome)),
            ("pipeline", subject.pipeline[id].map { ScoreNumberText.json($0) }),
            ("policy", .string(facts.declaredPolicy(of: indicator).rawValue)),
            ("policy_applied", indicator.appliedPolicy.map { .string($0.rawValue) }),
            ("previous", comparison.map { ScoreNumberText.json($0.previous) }),
            ("quota_rows", target.flatMap(quotaRowsJSON)),
            ("score", ScoreNumberText.json(outcome.score)),
            ("share", ScoreNumberText.json(indicator.share)),
            ("status", .string(status)),
            ("target", ScoreNumberText.json(indicator.target)),
            ("target_missing_reason", target?.missingReason.map(JSONText.string)),
            ("target_rule", target.map { .string($0.rule) }),
            ("tier", target?.tier.map { .string($0.rawValue) }),
            ("tiers", target.flatMap(tiersJSON)),
            ("total_share", ScoreNumberText.json(indicator.totalShare)),
            ("value", ScoreNumberText.json(indicator.value)),
            ("weight", ScoreNumberText.json(indicator.declaredWeight)),
        ])
    }

    /// A peer function's reference, rank and count, or nil when the function used none.
    static func peersJSON(_ outcome: ScoreOutcome) -> JSONText? {
        guard outcome.reference != nil || outcome.peerRank != nil || outcome.peerCount != nil else { return nil }
        return sortedObject([
            ("count", outcome.peerCount.map { ScoreNumberText.json($0) }),
            ("rank", outcome.peerRank.map { ScoreNumberText.json($0) }),
            ("reference", outcome.reference.map { ScoreNumberText.json($0) }),
        ])
    }

    /// The 环比 and 同比 changes, absolute and relative.
    static func deltasJSON(_ comparison: IndicatorComparison) -> JSONText {
        sortedObject([
            ("change_last_year", ScoreNumberText.json(comparison.changeFromLastYear)),
            ("change_previous", ScoreNumberText.json(comparison.changeFromPrevious)),
            ("relative_change_last_year", ScoreNumberText.json(comparison.relativeChangeFromLastYear)),
            ("relative_change_previous", ScoreNumberText.json(comparison.relativeChangeFromPrevious)),
        ])
    }

    /// Every tier's value of a quota target, or nil when there are none.
    static func tiersJSON(_ target: ResolvedTarget) -> JSONText? {
        guard !target.tiers.isEmpty else { return nil }
        return .object(
            Dictionary(uniqueKeysWithValues: target.tiers.map { ($0.key.rawValue, ScoreNumberText.json($0.value)) }))
    }

    /// The quota rows a target was read from, or nil when there are none.
    static func quotaRowsJSON(_ target: ResolvedTarget) -> JSONText? {
        target.quotaRows.isEmpty ? nil : .array(target.quotaRows.map(JSONText.string))
    }

    /// Where a target came from, for a rollup figure: `target_rule`, and for quotas `tier`,
    /// `tiers` and `quota_rows`; `target_missing_reason` when there is none.
    static func targetFields(_ target: ResolvedTarget, into fields: inout [String: JSONText]) {
        fields["target_rule"] = .string(target.rule)
        if let tier = target.tier { fields["tier"] = .string(tier.rawValue) }
        if let tiers = tiersJSON(target) { fields["tiers"] = tiers }
        if let rows = quotaRowsJSON(target) { fields["quota_rows"] = rows }
        if let reason = target.missingReason { fields["target_missing_reason"] = .string(reason) }
    }

    /// `{ "met": true, "rule": "value/target", "value": 1.05 }`, or `null` without a target.
    static func completionJSON(_ completion: Completion?) -> JSONText {
        guard let completion else { return .null }
        return sortedObject([
            ("met", boolean(completion.isMet)), ("rule", .string(completion.rule.rawValue)),
            ("value", ScoreNumberText.json(completion.ratio)),
        ])
    }

    static func pathJSON(_ path: [String]) -> JSONText {
        .array(path.map(JSONText.string))
    }

    /// An object whose keys are given in byte order (checked in debug builds); fields whose
    /// value is nil are left out.
    static func sortedObject(_ fields: [(String, JSONText?)]) -> JSONText {
        let present = fields.compactMap { key, value in value.map { (key, $0) } }
        assert(
            zip(present, present.dropFirst()).allSatisfy { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) },
            "JSON keys out of byte order")
        return .orderedObject(present)
    }
}
