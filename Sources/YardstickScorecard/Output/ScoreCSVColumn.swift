/// The columns of the score CSV, in order: the 17 the issue fixes, then the extras
/// docs/score-output.md defines row kind by row kind.
enum ScoreCSVColumn: Int, CaseIterable {
    case period, grain, subjectID, subjectName, model, dimension, indicator, value, target, completion, score
    case weight, contribution, total, grade, rank, status
    case rowKind, peerGroup, distributedGrade, tier, targetRule, function, policy, policyApplied, share, totalShare
    case cap, completionRule, window, previous, changePrevious, lastYear, changeLastYear, pipeline
    case members, memberScores, memberMean, memberMedian, memberMin, memberMax, memberSpread, missingReason

    /// The column's name in the header.
    var name: String {
        switch self {
        case .period: "period"
        case .grain: "grain"
        case .subjectID: "subject_id"
        case .subjectName: "subject_name"
        case .model: "model"
        case .dimension: "dimension"
        case .indicator: "indicator"
        case .value: "value"
        case .target: "target"
        case .completion: "completion"
        case .score: "score"
        case .weight: "weight"
        case .contribution: "contribution"
        case .total: "total"
        case .grade: "grade"
        case .rank: "rank"
        case .status: "status"
        case .rowKind: "row_kind"
        case .peerGroup: "peer_group"
        case .distributedGrade: "distributed_grade"
        case .tier: "tier"
        case .targetRule: "target_rule"
        case .function: "function"
        case .policy: "policy"
        case .policyApplied: "policy_applied"
        case .share: "share"
        case .totalShare: "total_share"
        case .cap: "cap"
        case .completionRule: "completion_rule"
        case .window: "window"
        case .previous: "previous"
        case .changePrevious: "change_previous"
        case .lastYear: "last_year"
        case .changeLastYear: "change_last_year"
        case .pipeline: "pipeline"
        case .members: "members"
        case .memberScores: "member_scores"
        case .memberMean: "member_mean"
        case .memberMedian: "member_median"
        case .memberMin: "member_min"
        case .memberMax: "member_max"
        case .memberSpread: "member_spread"
        case .missingReason: "missing_reason"
        }
    }

    /// The header line, without its line end.
    static let header = allCases.map(\.name).joined(separator: ",")
}
