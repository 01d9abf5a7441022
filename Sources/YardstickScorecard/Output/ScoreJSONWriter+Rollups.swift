import YardstickEngine
import YardstickScoring

/// The rollups and alerts of a period in the score JSON.
extension ScoreJSONWriter {
    static func rollupJSON(_ unit: RollupSubject, period: PeriodScores, facts: ScoreFacts) -> JSONText {
        .object([
            "id": .string(unit.subject.id),
            "name": .string(unit.subject.name),
            "grain": .string(unit.subject.grain.rawValue),
            "members": .array(unit.memberIDs.map(JSONText.string)),
            "figures": .array(unit.figures.map { figureJSON($0, unit: unit, period: period, facts: facts) }),
            "total_statistics": statisticsJSON(unit.totalStatistics),
            "node_statistics": .array(
                unit.nodeStatistics.map { entry in
                    .object(["path": pathJSON(entry.path), "statistics": statisticsJSON(entry.statistics)])
                }),
        ])
    }

    static func figureJSON(_ figure: RollupFigure, unit: RollupSubject, period: PeriodScores, facts: ScoreFacts)
        -> JSONText
    {
        let (status, reason) = facts.status(of: figure, in: unit, period: period)
        var fields: [String: JSONText] = [
            "indicator": .string(figure.indicatorID),
            "status": .string(status),
            "value": ScoreNumberText.json(figure.value),
            "target": ScoreNumberText.json(figure.target.value),
            "completion": completionJSON(figure.completion),
        ]
        if let reason { fields["missing_reason"] = .string(reason) }
        targetFields(figure.target, into: &fields)
        return .object(fields)
    }

    /// `count`, `mean`, `median`, `min`, `max`, `spread` (population standard deviation);
    /// `null` figures when there are no scores.
    static func statisticsJSON(_ statistics: PeerStatistics) -> JSONText {
        sortedObject([
            ("count", ScoreNumberText.json(statistics.count)),
            ("max", ScoreNumberText.json(statistics.maximum)),
            ("mean", ScoreNumberText.json(statistics.mean)),
            ("median", ScoreNumberText.json(statistics.median)),
            ("min", ScoreNumberText.json(statistics.minimum)),
            ("spread", ScoreNumberText.json(statistics.standardDeviation)),
        ])
    }

    static func alertJSON(_ alert: Alert) -> JSONText {
        var fields: [String: JSONText] = [
            "kind": .string(alert.kind.rawValue),
            "grain": .string(alert.subject.grain.rawValue),
            "subject_id": .string(alert.subject.id),
            "subject_name": .string(alert.subjectName),
            "indicator": .string(alert.indicatorID),
            "period": .string(alert.periodLabel),
            "value": ScoreNumberText.json(alert.value),
            "target": ScoreNumberText.json(alert.target),
            "completion": ScoreNumberText.json(alert.completion),
            "expected_completion": ScoreNumberText.json(alert.expectedCompletion),
            "remaining_days": ScoreNumberText.json(alert.remainingDays),
            "remaining": ScoreNumberText.json(alert.remaining),
            "needed_per_day": ScoreNumberText.json(alert.neededPerDay),
        ]
        if let mark = alert.mark { fields["mark"] = ScoreNumberText.json(mark) }
        if let pipeline = alert.pipeline { fields["pipeline"] = ScoreNumberText.json(pipeline) }
        return .object(fields)
    }
}
