extension ScoringModel {
    /// Scores a peer group: every indicator for every subject, then each subject's tree, total,
    /// grade, rank and forced-distribution grade.
    ///
    /// 1. Each indicator leaf is scored for all subjects at once
    ///    (``ScoringFunction/scores(for:direction:cap:)``), so peer functions see every value.
    /// 2. Each subject's tree is folded bottom-up. A child's share of its parent is its weight
    ///    divided by the weights of the siblings that were not left out; a dimension's subtotal is
    ///    the sum of its children's counted scores times their shares; an indicator without a
    ///    score follows its ``MissingValuePolicy``. The total is the sum of the top-level
    ///    contributions, which equals the sum of every indicator's contribution.
    /// 3. Complete totals are graded (``GradeScale``), ranked by competition ranking
    ///    (``PeerRanking``) and, if the model has one, given a forced-distribution grade
    ///    (``ForcedDistribution``). Incomplete totals get none of the three.
    ///
    /// - Parameter subjects: The peer group's figures (possibly none).
    /// - Returns: The scored group, subjects in the order given.
    /// - Throws: ``ScoringModelErrors`` when the model is invalid (see ``validate()``).
    public func score(_ subjects: [SubjectFigures]) throws(ScoringModelErrors) -> ScoredPeerGroup {
        try validate()
        let leaves = indicatorPaths
        let outcomes: [[ScoreOutcome]] = leaves.map { leaf in
            let inputs = subjects.map { subject in
                var input = subject.inputs[leaf.indicator.id] ?? ScoringInput(value: nil)
                input.subjectID = input.subjectID ?? subject.subjectID
                return input
            }
            return leaf.indicator.function.scores(
                for: inputs, direction: leaf.indicator.direction, cap: leaf.indicator.cap ?? cap)
        }
        var scorecards = subjects.indices.map { subject in
            var fold = SubjectFold(model: self, subject: subjects[subject], outcomes: outcomes.map { $0[subject] })
            let (nodes, total) = fold.fold(children, path: [], parentShare: 1)
            let status: TotalStatus = total == nil ? .noScores : fold.isIncomplete ? .incomplete : .complete
            return SubjectScorecard(
                subjectID: subjects[subject].subjectID, nodes: nodes, total: total, status: status,
                grade: status == .complete ? total.flatMap { grades?.grade(for: $0) } : nil)
        }
        let ranked = scorecards.indices.filter { scorecards[$0].status == .complete }
        let totals = ranked.map { scorecards[$0].total ?? 0 }
        let ranks = PeerRanking.competitionRanks(of: totals, direction: .higherIsBetter)
        let distributed = forcedDistribution?.grades(forRanks: ranks)
        for (position, index) in ranked.enumerated() {
            scorecards[index].rank = ranks[position]
            scorecards[index].distributedGrade = distributed?[position]
        }
        return ScoredPeerGroup(modelID: id, subjects: scorecards, totalStatistics: PeerStatistics(values: totals))
    }
}

/// Folds one subject's tree, consuming the leaves' outcomes in depth-first order.
private struct SubjectFold {
    let model: ScoringModel
    let subject: SubjectFigures
    let outcomes: [ScoreOutcome]
    var nextLeaf = 0
    var isIncomplete = false

    init(model: ScoringModel, subject: SubjectFigures, outcomes: [ScoreOutcome]) {
        self.model = model
        self.subject = subject
        self.outcomes = outcomes
    }

    /// What a node left for its parent before its share is known.
    private enum Partial {
        case indicator(IndicatorScore, counted: Bool, excluded: Bool)
        case dimension(DimensionScore, excluded: Bool)

        var isExcluded: Bool {
            switch self {
            case .indicator(_, _, let excluded), .dimension(_, let excluded): excluded
            }
        }
    }

    /// Folds sibling nodes whose parent has `parentShare` of the total; returns their results
    /// and the parent's subtotal (nil when every sibling was left out).
    mutating func fold(_ nodes: [ScorecardNode], path: [String], parentShare: Double) -> ([NodeScore], Double?) {
        // First pass: score leaves and fold dimensions with a provisional share, to learn which
        // siblings are left out; the shares depend on that.
        let partials = nodes.map { partial(of: $0, path: path) }
        let keptWeight = zip(nodes, partials).filter { !$1.isExcluded }.map { $0.0.weight }.reduce(0, +)
        var results: [NodeScore] = []
        var subtotal = 0.0
        for (node, partial) in zip(nodes, partials) {
            let share = partial.isExcluded || keptWeight == 0 ? 0 : node.weight / keptWeight
            let totalShare = parentShare * share
            switch partial {
            case .indicator(var indicator, _, _):
                indicator.share = share
                indicator.totalShare = totalShare
                indicator.contribution = indicator.countedScore.map { $0 * totalShare }
                subtotal += (indicator.countedScore ?? 0) * share
                results.append(.indicator(indicator))
            case .dimension(var dimension, _):
                dimension.share = share
                dimension.totalShare = totalShare
                dimension.contribution = dimension.score.map { $0 * totalShare }
                dimension.children = Self.reshare(dimension.children, parentShare: totalShare)
                subtotal += (dimension.score ?? 0) * share
                results.append(.dimension(dimension))
            }
        }
        return (results, keptWeight == 0 ? nil : subtotal)
    }

    private mutating func partial(of node: ScorecardNode, path: [String]) -> Partial {
        switch node {
        case .indicator(let indicator):
            let outcome = outcomes[nextLeaf]
            nextLeaf += 1
            let input = subject.inputs[indicator.id]
            var result = IndicatorScore(
                path: path + [indicator.id], indicatorID: indicator.id, value: input?.value, target: input?.target,
                direction: indicator.direction, function: indicator.function, cap: indicator.cap ?? model.cap,
                outcome: outcome, appliedPolicy: nil, countedScore: outcome.score, declaredWeight: indicator.weight,
                share: 0, totalShare: 0, contribution: nil)
            if outcome.score != nil { return .indicator(result, counted: true, excluded: false) }
            result.appliedPolicy = indicator.missingPolicy
            switch indicator.missingPolicy {
            case .countAsZero:
                result.countedScore = 0
                return .indicator(result, counted: true, excluded: false)
            case .excludeAndReweight:
                return .indicator(result, counted: false, excluded: true)
            case .markIncomplete:
                isIncomplete = true
                return .indicator(result, counted: false, excluded: false)
            }
        case .dimension(let dimension):
            let dimensionPath = path + [dimension.id]
            // Shares below are relative to this dimension (parentShare 1) and rescaled by
            // `reshare` once the dimension's own share of the total is known.
            let (children, subtotal) = fold(dimension.children, path: dimensionPath, parentShare: 1)
            let result = DimensionScore(
                path: dimensionPath, id: dimension.id, declaredWeight: dimension.weight, share: 0, totalShare: 0,
                score: subtotal, contribution: nil, appliedPolicy: subtotal == nil ? .excludeAndReweight : nil,
                children: children)
            return .dimension(result, excluded: subtotal == nil)
        }
    }

    /// Rescales the total shares and contributions of a subtree folded with parent share 1 to
    /// the parent's real share of the total.
    private static func reshare(_ nodes: [NodeScore], parentShare: Double) -> [NodeScore] {
        nodes.map { node in
            switch node {
            case .indicator(var indicator):
                indicator.totalShare = parentShare * indicator.share
                indicator.contribution = indicator.countedScore.map { $0 * indicator.totalShare }
                return .indicator(indicator)
            case .dimension(var dimension):
                dimension.totalShare = parentShare * dimension.share
                dimension.contribution = dimension.score.map { $0 * dimension.totalShare }
                dimension.children = reshare(dimension.children, parentShare: dimension.totalShare)
                return .dimension(dimension)
            }
        }
    }
}
