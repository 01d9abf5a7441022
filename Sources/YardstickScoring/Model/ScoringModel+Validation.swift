import YardstickLocalization

extension ScoringModel {
    /// Checks the model and throws every problem found at once.
    ///
    /// Checked: each dimension (and the model) has children with distinct ids; each weight is
    /// finite and greater than 0; under ``WeightRule/mustSumTo100`` each node's children's
    /// weights sum to 100 within 0.001; caps are finite and greater than 0; linear functions
    /// have `0 ≤ zero < full`; step tables are non-empty with distinct finite thresholds;
    /// threshold functions have finite parameters; grade bands have distinct names and minimums;
    /// forced-distribution shares are not negative, name distinct grades and sum to 100.
    ///
    /// A weight problem is reported at the parent whose children do not add up (its location
    /// and path), a bad weight or function at the node itself.
    ///
    /// - Throws: ``ScoringModelErrors`` listing every problem, in tree order.
    public func validate() throws(ScoringModelErrors) {
        let problems = validationErrors()
        if !problems.isEmpty { throw ScoringModelErrors(problems) }
    }

    /// Every problem of the model, in tree order; empty when it is valid.
    ///
    /// - Returns: The problems (see ``validate()``).
    public func validationErrors() -> [ScoringModelError] {
        var problems: [ScoringModelError] = []
        if !(cap.isFinite && cap > 0) {
            problems.append(
                ScoringModelError(
                    code: .invalidCap, message: tr("the model's cap must be a number above 0, not %@", cap),
                    location: location, path: []))
        }
        checkChildren(children, of: tr("the model"), location: location, path: [], into: &problems)
        checkGrades(into: &problems)
        checkDistribution(into: &problems)
        return problems
    }

    private func checkChildren(
        _ nodes: [ScorecardNode], of owner: String, location: ModelLocation?, path: [String],
        into problems: inout [ScoringModelError]
    ) {
        guard !nodes.isEmpty else {
            problems.append(
                ScoringModelError(
                    code: .emptyDimension, message: tr("%@ has no indicators or dimensions", owner),
                    location: location, path: path))
            return
        }
        var seen: Set<String> = []
        for node in nodes where !seen.insert(node.id).inserted {
            problems.append(
                ScoringModelError(
                    code: .duplicateID, message: tr("\"%@\" appears twice in %@", node.id, owner),
                    location: node.location ?? location, path: path + [node.id]))
        }
        let weights = nodes.map(\.weight)
        if weightRule == .mustSumTo100 && weights.allSatisfy({ $0.isFinite && $0 > 0 }) {
            let sum = weights.reduce(0, +)
            if abs(sum - 100) > 0.001 {
                let listed = nodes.map { "\($0.id) \(ScoringFunction.number($0.weight))" }.joined(separator: ", ")
                problems.append(
                    ScoringModelError(
                        code: .weightsDoNotSum,
                        message:
                            tr(
                                "the weights of %@'s children sum to %@, not 100 (%@)", owner,
                                ScoringFunction.number(sum), listed),
                        location: location, path: path))
            }
        }
        for node in nodes {
            let nodePath = path + [node.id]
            if !(node.weight.isFinite && node.weight > 0) {
                problems.append(
                    ScoringModelError(
                        code: .invalidWeight, message: tr("the weight must be a number above 0, not %@", node.weight),
                        location: node.location ?? location, path: nodePath))
            }
            switch node {
            case .dimension(let dimension):
                checkChildren(
                    dimension.children, of: "\"\(dimension.id)\"", location: dimension.location ?? location,
                    path: nodePath, into: &problems)
            case .indicator(let indicator):
                check(indicator, location: indicator.location ?? location, path: nodePath, into: &problems)
            }
        }
    }

    private func check(
        _ indicator: ScorecardIndicator, location: ModelLocation?, path: [String],
        into problems: inout [ScoringModelError]
    ) {
        func problem(_ code: ScoringModelError.Code, _ message: String) {
            problems.append(ScoringModelError(code: code, message: message, location: location, path: path))
        }
        if let cap = indicator.cap, !(cap.isFinite && cap > 0) {
            problem(.invalidCap, tr("the cap must be a number above 0, not %@", cap))
        }
        switch indicator.function {
        case .linear(let zero, let full):
            if !(zero.isFinite && full.isFinite && zero >= 0 && zero < full) {
                problem(
                    .invalidFunction,
                    tr("linear scoring needs 0 ≤ zero < full (completion fractions), not zero %@, full %@", zero, full))
            }
        case .steps(let steps, _):
            if steps.isEmpty { problem(.invalidFunction, tr("a step table needs at least one step")) }
            if !steps.allSatisfy({ $0.threshold.isFinite && $0.score.isFinite }) {
                problem(.invalidFunction, tr("step thresholds and scores must be numbers"))
            }
            if Set(steps.map(\.threshold)).count != steps.count {
                problem(.invalidFunction, tr("two steps have the same threshold"))
            }
        case .threshold(let at, let pass, let fail):
            if !(at.isFinite && pass.isFinite && fail.isFinite) {
                problem(.invalidFunction, tr("threshold scoring needs numbers for at, pass and fail"))
            }
        case .rank, .percentile, .relativeToMean, .relativeToBest, .custom:
            break
        }
    }

    private func checkGrades(into problems: inout [ScoringModelError]) {
        guard let grades else { return }
        func problem(_ message: String) {
            problems.append(ScoringModelError(code: .invalidGrades, message: message, location: location, path: []))
        }
        if grades.bands.isEmpty { problem(tr("grades need at least one band")) }
        if Set(grades.bands.map(\.grade)).count != grades.bands.count {
            problem(tr("two grade bands have the same name"))
        }
        if Set(grades.bands.map(\.minimum)).count != grades.bands.count {
            problem(tr("two grade bands have the same minimum"))
        }
        if !grades.bands.allSatisfy({ $0.minimum.isFinite }) { problem(tr("grade minimums must be numbers")) }
    }

    private func checkDistribution(into problems: inout [ScoringModelError]) {
        guard let distribution = forcedDistribution else { return }
        func problem(_ message: String) {
            problems.append(
                ScoringModelError(code: .invalidDistribution, message: message, location: location, path: []))
        }
        let percents = distribution.shares.map(\.percent)
        if distribution.shares.isEmpty { problem(tr("a forced distribution needs at least one grade")) }
        if !percents.allSatisfy({ $0.isFinite && $0 >= 0 }) {
            problem(tr("forced-distribution shares must be 0 or more"))
        }
        if Set(distribution.shares.map(\.grade)).count != distribution.shares.count {
            problem(tr("a forced distribution names a grade twice"))
        }
        let sum = percents.reduce(0, +)
        if !distribution.shares.isEmpty && abs(sum - 100) > 0.001 {
            problem(tr("forced-distribution shares sum to %@, not 100", ScoringFunction.number(sum)))
        }
    }
}
