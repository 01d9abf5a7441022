extension ScoringFunction {
    /// Scores every subject of a peer group at once.
    ///
    /// Target functions score each input on its own; peer functions first collect the values
    /// that are present and compare each subject with them. An input with a missing value gets
    /// ``MissingScoreReason/missingValue`` (except from a custom function, which sees it and may
    /// score it); a target function's input without a target gets
    /// ``MissingScoreReason/missingTarget``; an input whose value or target is not a finite number
    /// gets ``MissingScoreReason/notFinite`` and takes no part in the peer group. Scores are
    /// clamped into `0...cap`.
    ///
    /// - Parameters:
    ///   - inputs: One input per subject of the peer group (possibly none).
    ///   - direction: Whether higher or lower values are better.
    ///   - cap: The highest score (100 by default; 120 lets over-achievers score above 100).
    /// - Returns: One outcome per input, in the same order.
    public func scores(for inputs: [ScoringInput], direction: Direction, cap: Double = 100) -> [ScoreOutcome] {
        // A value or target that is not a finite number (NaN, ±∞ from a division in a script)
        // is never scored or compared: it takes no part in the peer group and is reported.
        let isUnusable = inputs.map { input in
            !(input.value?.isFinite ?? true) || !(input.target?.isFinite ?? true)
        }
        guard isUnusable.contains(true) else { return usableScores(for: inputs, direction: direction, cap: cap) }
        let usable = zip(inputs, isUnusable).map { input, unusable in
            unusable ? ScoringInput(value: nil, target: nil, subjectID: input.subjectID) : input
        }
        var outcomes = usableScores(for: usable, direction: direction, cap: cap)
        for index in inputs.indices where isUnusable[index] {
            outcomes[index] = .missing(.notFinite)
        }
        return outcomes
    }

    private func usableScores(for inputs: [ScoringInput], direction: Direction, cap: Double) -> [ScoreOutcome] {
        switch self {
        case .linear, .steps, .threshold:
            return inputs.map { input in
                guard let value = input.value else { return .missing(.missingValue) }
                guard let target = input.target else { return .missing(.missingTarget) }
                return score(value: value, target: target, direction: direction, cap: cap)
            }
        case .rank, .percentile:
            return positionalScores(for: inputs, direction: direction)
        case .relativeToMean, .relativeToBest:
            return relativeScores(for: inputs, direction: direction, cap: cap)
        case .custom(let function):
            return customScores(function, for: inputs, direction: direction, cap: cap)
        }
    }

    /// Scores one value against its target with a target function (linear, steps, threshold).
    ///
    /// - Parameters:
    ///   - value: The subject's value.
    ///   - target: Its target.
    ///   - direction: Whether higher or lower values are better.
    ///   - cap: The highest score.
    /// - Returns: The outcome; for a peer or custom function, scoring a peer group of one.
    public func score(value: Double, target: Double, direction: Direction, cap: Double = 100) -> ScoreOutcome {
        guard value.isFinite && target.isFinite else { return .missing(.notFinite) }
        let completion = Completion(value: value, target: target, direction: direction)
        var raw: Double?
        switch self {
        case .linear(let zero, let full):
            if let ratio = completion.ratio {
                raw = 100 * (ratio - zero) / (full - zero)
            } else if completion.isMet {
                raw = cap
            }
        case .steps(let steps, let basis):
            let ordered = steps.sorted { $0.threshold < $1.threshold }
            switch basis {
            case .completion:
                if let ratio = completion.ratio {
                    raw = ordered.last(where: { ratio >= $0.threshold })?.score ?? 0
                } else if completion.isMet {
                    raw = ordered.last?.score ?? 0
                }
            case .value:
                let reached: ScoreStep?
                switch direction {
                case .higherIsBetter: reached = ordered.last(where: { value >= $0.threshold })
                case .lowerIsBetter: reached = ordered.first(where: { value <= $0.threshold })
                }
                raw = reached?.score ?? 0
            }
        case .threshold(let at, let pass, let fail):
            if at == 1 {
                raw = completion.isMet ? pass : fail
            } else if let ratio = completion.ratio {
                raw = ratio >= at ? pass : fail
            } else if completion.isMet {
                raw = pass
            }
        case .rank, .percentile, .relativeToMean, .relativeToBest, .custom:
            return scores(for: [ScoringInput(value: value, target: target)], direction: direction, cap: cap)[0]
        }
        guard let raw else {
            return ScoreOutcome(
                score: nil, completion: completion, missingReason: .undefinedCompletion(completion.rule))
        }
        return ScoreOutcome(score: Self.clamp(raw, cap: cap), completion: completion)
    }

    /// Rank and percentile scores over the peers with a value.
    private func positionalScores(for inputs: [ScoringInput], direction: Direction) -> [ScoreOutcome] {
        let present = inputs.indices.filter { inputs[$0].value != nil }
        let values = present.map { inputs[$0].value ?? 0 }
        let ranks = PeerRanking.competitionRanks(of: values, direction: direction)
        let count = values.count
        // The size of each tie (peers sharing a rank): with it, the peers ahead of a subject are
        // rank − 1, the tied others size − 1 and the worse the rest — O(n log n) overall.
        var tieSizes: [Int: Int] = [:]
        for rank in ranks { tieSizes[rank, default: 0] += 1 }
        var outcomes = inputs.map { _ in ScoreOutcome.missing(.missingValue) }
        for (position, index) in present.enumerated() {
            let rank = ranks[position]
            var score = 100.0
            if count > 1 {
                switch self {
                case .rank:
                    score = 100 * Double(count - rank) / Double(count - 1)
                default:
                    let tieSize = tieSizes[rank] ?? 1
                    let worse = count - (rank - 1) - tieSize
                    score = 100 * (Double(worse) + 0.5 * Double(tieSize - 1)) / Double(count - 1)
                }
            }
            outcomes[index] = ScoreOutcome(score: score, peerRank: rank, peerCount: count)
        }
        return outcomes
    }

    /// Relative-to-mean and relative-to-best scores: completion against the peer reference.
    private func relativeScores(for inputs: [ScoringInput], direction: Direction, cap: Double) -> [ScoreOutcome] {
        let values = inputs.compactMap(\.value)
        let reference: Double?
        if case .relativeToMean = self {
            reference = values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
        } else {
            reference = direction.best(of: values)
        }
        return inputs.map { input in
            guard let value = input.value else { return .missing(.missingValue) }
            guard let reference else { return .missing(.noPeerReference) }
            let completion = Completion(value: value, target: reference, direction: direction)
            var outcome = ScoreOutcome(
                score: nil, completion: completion, reference: reference, peerCount: values.count)
            if let ratio = completion.ratio {
                outcome.score = Self.clamp(100 * ratio, cap: cap)
            } else if completion.isMet {
                outcome.score = cap
            } else {
                outcome.missingReason = .undefinedCompletion(completion.rule)
            }
            return outcome
        }
    }

    /// A custom function's scores, clamped; a failure is a missing score for every input.
    private func customScores(
        _ function: any CustomScoringFunction, for inputs: [ScoringInput], direction: Direction, cap: Double
    ) -> [ScoreOutcome] {
        let scores: [Double?]
        do {
            scores = try function.scores(for: inputs, direction: direction, cap: cap)
        } catch {
            return inputs.map { _ in .missing(.customFunction("\(function.identifier) failed: \(error)")) }
        }
        guard scores.count == inputs.count else {
            let message = "\(function.identifier) returned \(scores.count) scores for \(inputs.count) subjects"
            return inputs.map { _ in .missing(.customFunction(message)) }
        }
        return zip(inputs, scores).map { input, score in
            let completion = input.value.flatMap { value in
                input.target.map { Completion(value: value, target: $0, direction: direction) }
            }
            guard let score, score.isFinite else {
                let reason: MissingScoreReason =
                    input.value == nil ? .missingValue : .customFunction("\(function.identifier) gave no score")
                return ScoreOutcome(score: nil, completion: completion, missingReason: reason)
            }
            return ScoreOutcome(score: Self.clamp(score, cap: cap), completion: completion)
        }
    }

    static func clamp(_ score: Double, cap: Double) -> Double {
        min(max(score, 0), cap)
    }
}
