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
        let plan = try ScoringPlan(self)
        // inputs[leaf][subject], looked up by id once: the functions score a leaf for every
        // subject at once and the fold reads the same inputs again.
        let inputs: [[ScoringInput?]] = plan.layout.leaves.map { leaf in
            subjects.map { $0.inputs[leaf.indicator.id] }
        }
        return plan.score(inputs: inputs, subjectIDs: subjects.map(\.subjectID))
    }
}

extension ScoringPlan {
    /// Scores a peer group given its inputs leaf by leaf: what ``ScoringModel/score(_:)`` does,
    /// without a dictionary per subject (see ``ScoringPlan``).
    ///
    /// - Parameters:
    ///   - inputs: Per leaf of the model (in ``leafIndicatorIDs`` order), one input per subject,
    ///     nil when the subject has none (a missing value).
    ///   - subjectIDs: The subjects, in the order of each leaf's inputs.
    /// - Returns: The scored group, subjects in the order given.
    package func score(inputs: [[ScoringInput?]], subjectIDs: [String]) -> ScoredPeerGroup {
        let model = self.model
        let outcomes: [[ScoreOutcome]] = layout.leaves.indices.map { leafIndex in
            let leaf = layout.leaves[leafIndex].indicator
            let given = inputs[leafIndex]
            let scored = subjectIDs.indices.map { subject in
                var input = given[subject] ?? ScoringInput(value: nil)
                input.subjectID = input.subjectID ?? subjectIDs[subject]
                return input
            }
            return leaf.function.scores(for: scored, direction: leaf.direction, cap: leaf.cap ?? model.cap)
        }
        var fold = SubjectFold(layout: layout, cap: model.cap)
        var scorecards = subjectIDs.indices.map { subject in
            let (nodes, total, isIncomplete) = fold.fold(subject: subject, inputs: inputs, outcomes: outcomes)
            let status: TotalStatus = total == nil ? .noScores : isIncomplete ? .incomplete : .complete
            return SubjectScorecard(
                subjectID: subjectIDs[subject], nodes: nodes, total: total, status: status,
                grade: status == .complete ? total.flatMap { model.grades?.grade(for: $0) } : nil)
        }
        let ranked = scorecards.indices.filter { scorecards[$0].status == .complete }
        let totals = ranked.map { scorecards[$0].total ?? 0 }
        let ranks = PeerRanking.competitionRanks(of: totals, direction: .higherIsBetter)
        let distributed = model.forcedDistribution?.grades(forRanks: ranks)
        for (position, index) in ranked.enumerated() {
            scorecards[index].rank = ranks[position]
            scorecards[index].distributedGrade = distributed?[position]
        }
        return ScoredPeerGroup(
            modelID: model.id, subjects: scorecards, totalStatistics: PeerStatistics(values: totals))
    }
}

/// The model's tree laid out flat for scoring many subjects: every node once, depth first, with
/// its path, weight and children, and the leaves in the order their outcomes are computed.
/// Worked out once per ``ScoringPlan`` instead of once per subject.
struct ScoringLayout: Sendable {
    /// One node of the tree.
    struct Node: Sendable {
        /// The node's path from the top (`["sales", "revenue"]`).
        var path: [String]
        /// Its declared weight.
        var weight: Double
        /// For a leaf, its position in ``leaves``; nil for a dimension.
        var leaf: Int?
        /// For a dimension, its id; for a leaf, the indicator's.
        var id: String
        /// The positions of its children in ``nodes`` (empty for a leaf).
        var children: [Int]
    }

    /// Every node, depth first, each dimension after its children (post-order), so that one
    /// forward pass sees a dimension's children before it.
    private(set) var nodes: [Node] = []
    /// The leaves in depth-first order, with their paths.
    private(set) var leaves: [(path: [String], indicator: ScorecardIndicator)] = []
    /// The top-level nodes' positions in ``nodes``.
    private(set) var top: [Int] = []

    init(_ model: ScoringModel) {
        top = add(model.children, prefix: [])
    }

    private mutating func add(_ children: [ScorecardNode], prefix: [String]) -> [Int] {
        var positions: [Int] = []
        positions.reserveCapacity(children.count)
        for child in children {
            switch child {
            case .indicator(let indicator):
                let path = prefix + [indicator.id]
                leaves.append((path, indicator))
                nodes.append(
                    Node(path: path, weight: indicator.weight, leaf: leaves.count - 1, id: indicator.id, children: []))
            case .dimension(let dimension):
                let path = prefix + [dimension.id]
                let below = add(dimension.children, prefix: path)
                nodes.append(Node(path: path, weight: dimension.weight, leaf: nil, id: dimension.id, children: below))
            }
            positions.append(nodes.count - 1)
        }
        return positions
    }
}

/// Folds subjects' trees over a ``ScoringLayout``: first bottom-up, each leaf's counted score
/// and each dimension's subtotal (a child's share of its parent is its weight divided by the
/// weights of the siblings that were not left out), then top-down, each node's share of the
/// total, building the result tree once with its final shares.
private struct SubjectFold {
    let layout: ScoringLayout
    let cap: Double
    // Per node, reused from subject to subject.
    private var score: [Double?]
    private var excluded: [Bool]
    private var keptWeight: [Double]
    private var outcome: [ScoreOutcome?]
    private var applied: [MissingValuePolicy?]

    init(layout: ScoringLayout, cap: Double) {
        self.layout = layout
        self.cap = cap
        let count = layout.nodes.count
        score = Array(repeating: nil, count: count)
        excluded = Array(repeating: false, count: count)
        keptWeight = Array(repeating: 0, count: count)
        outcome = Array(repeating: nil, count: count)
        applied = Array(repeating: nil, count: count)
    }

    /// One subject's result tree, total (nil when every top-level node was left out) and
    /// whether an indicator marks it incomplete.
    mutating func fold(subject: Int, inputs: [[ScoringInput?]], outcomes: [[ScoreOutcome]]) -> (
        [NodeScore], Double?, Bool
    ) {
        var isIncomplete = false
        for position in layout.nodes.indices {
            let node = layout.nodes[position]
            if let leaf = node.leaf {
                let result = outcomes[leaf][subject]
                outcome[position] = result
                applied[position] = nil
                excluded[position] = false
                score[position] = result.score
                guard result.score == nil else { continue }
                let policy = layout.leaves[leaf].indicator.missingPolicy
                applied[position] = policy
                switch policy {
                case .countAsZero: score[position] = 0
                case .excludeAndReweight: excluded[position] = true
                case .markIncomplete: isIncomplete = true
                }
            } else {
                let (subtotal, kept) = subtotal(of: node.children)
                keptWeight[position] = kept
                score[position] = subtotal
                excluded[position] = subtotal == nil
                applied[position] = subtotal == nil ? .excludeAndReweight : nil
            }
        }
        let (total, _) = subtotal(of: layout.top)
        let nodes = build(
            layout.top, keptWeight: keptSum(of: layout.top), parentShare: 1, subject: subject, inputs: inputs)
        return (nodes, total, isIncomplete)
    }

    private func keptSum(of children: [Int]) -> Double {
        var kept = 0.0
        for child in children where !excluded[child] { kept += layout.nodes[child].weight }
        return kept
    }

    /// The subtotal of sibling nodes (nil when every one was left out) and the weight kept.
    private func subtotal(of children: [Int]) -> (Double?, Double) {
        let kept = keptSum(of: children)
        var subtotal = 0.0
        for child in children {
            let share = excluded[child] || kept == 0 ? 0 : layout.nodes[child].weight / kept
            subtotal += (score[child] ?? 0) * share
        }
        return (kept == 0 ? nil : subtotal, kept)
    }

    /// The result nodes of siblings whose parent has `parentShare` of the total.
    private func build(
        _ children: [Int], keptWeight kept: Double, parentShare: Double, subject: Int, inputs: [[ScoringInput?]]
    ) -> [NodeScore] {
        var results: [NodeScore] = []
        results.reserveCapacity(children.count)
        for child in children {
            let node = layout.nodes[child]
            let share = excluded[child] || kept == 0 ? 0 : node.weight / kept
            let totalShare = parentShare * share
            if let leaf = node.leaf {
                let indicator = layout.leaves[leaf].indicator
                let input = inputs[leaf][subject]
                let counted = score[child]
                results.append(
                    .indicator(
                        IndicatorScore(
                            path: node.path, indicatorID: indicator.id, value: input?.value, target: input?.target,
                            direction: indicator.direction, function: indicator.function, cap: indicator.cap ?? cap,
                            outcome: outcome[child]!, appliedPolicy: applied[child], countedScore: counted,
                            declaredWeight: indicator.weight, share: share, totalShare: totalShare,
                            contribution: counted.map { $0 * totalShare })))
            } else {
                let subtotal = score[child]
                results.append(
                    .dimension(
                        DimensionScore(
                            path: node.path, id: node.id, declaredWeight: node.weight, share: share,
                            totalShare: totalShare, score: subtotal, contribution: subtotal.map { $0 * totalShare },
                            appliedPolicy: applied[child],
                            children: build(
                                node.children, keptWeight: keptWeight[child], parentShare: totalShare, subject: subject,
                                inputs: inputs))))
            }
        }
        return results
    }
}
