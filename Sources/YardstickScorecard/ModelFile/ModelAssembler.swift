import YardstickEngine
import YardstickLocalization
import YardstickScoring

/// Turns a (merged) ``ModelDeclaration`` into a ``ScorecardDefinition``: fills in the defaults,
/// checks what only the whole model shows (a node without a weight, an indicator scored twice,
/// a target function without a target, a distribution without grades to order it) and runs
/// ``ScoringModel/validate()``, every problem at the `file:line` where its node was last
/// declared.
enum ModelAssembler {
    /// The definition, or nil when the model has problems (added to `problems`).
    static func assemble(_ declaration: ModelDeclaration, problems: inout [ScorecardProblem]) -> ScorecardDefinition? {
        guard let id = declaration.id else { return nil }
        var found: [ScorecardProblem] = []
        var placeholders: Set<[String]> = []
        var flawed: Set<[String]> = []
        var indicators: [String: IndicatorSettings] = [:]
        var seen: [String: ModelLocation] = [:]
        let defaultPolicy = declaration.missing ?? .countAsZero
        let isExtending = declaration.extends != nil

        func report(_ location: ModelLocation?, _ message: String) {
            found.append(
                ScorecardProblem(file: location?.file ?? declaration.file, line: location?.line, message: message))
        }

        func build(_ nodes: [NodeDeclaration], path: [String]) -> [ScorecardNode] {
            nodes.map { node in
                let nodePath = path + [node.id]
                if node.isFlawed { flawed.insert(nodePath) }
                if node.drop && !isExtending {
                    report(
                        node.location, tr("%@: drop = true only applies in a model that extends another", node.label))
                }
                let weight: Double
                if let given = node.weight {
                    weight = given
                } else {
                    if !node.isFlawed { report(node.location, tr("%@ has no weight (weight = …)", node.label)) }
                    placeholders.insert(nodePath)
                    weight = 0
                }
                switch node.kind {
                case .dimension:
                    var dimension = ScorecardDimension(
                        node.id, weight: weight, location: node.location, children: build(node.children, path: nodePath)
                    )
                    (dimension.title, dimension.titleZH) = (node.title, node.titleZH)
                    return .dimension(dimension)
                case .kpi:
                    if let first = seen[node.id] {
                        report(
                            node.location,
                            tr(
                                "%@ is scored twice in the model (first at %@); an indicator is scored once",
                                node.label, first)
                        )
                    } else {
                        seen[node.id] = node.location
                    }
                    let function = node.score ?? .proportional
                    let needsTarget: Bool
                    switch function {
                    case .linear, .steps, .threshold: needsTarget = true
                    case .rank, .percentile, .relativeToMean, .relativeToBest, .custom: needsTarget = false
                    }
                    if needsTarget && !node.isFlawed && node.target == nil && (node.overrides ?? []).isEmpty {
                        report(
                            node.location,
                            tr(
                                "%@: scoring by %@ needs a target (target = …), or score it with a peer function (score = rank)",
                                node.label, function.name)
                        )
                    }
                    indicators[node.id] = IndicatorSettings(
                        node.id, target: node.target, overrides: node.overrides ?? [], pipelineIndicator: node.pipeline,
                        location: node.location, declaredDirection: node.better,
                        constantRollup: node.rollupTarget ?? .same)
                    return .indicator(
                        ScorecardIndicator(
                            node.id, weight: weight, direction: node.better ?? .higherIsBetter, function: function,
                            cap: node.cap, missingPolicy: node.missing ?? defaultPolicy, location: node.location))
                }
            }
        }

        let children = build(declaration.children, path: [])
        let per = declaration.per ?? .user
        for grain in declaration.rollups ?? [] where !isCoarser(grain, than: per) {
            report(
                declaration.location,
                tr(
                    "rollups: %@ is not a coarser grain than per = \"%@\" (user → team → department → company)",
                    grain.rawValue, per.rawValue)
            )
        }
        if !(Grain.people + [.account]).contains(per), let peers = declaration.peers, peers != .all {
            report(
                declaration.location,
                tr(
                    "peers = \"%@\" groups users by %@; a %@ has none: use peers = \"all\"", peers.rawValue,
                    peers.rawValue, per.rawValue))
        }
        var distribution: ForcedDistribution?
        if let declared = declaration.distribution {
            distribution = order(declared, grades: declaration.grades, at: declaration.location, report: report)
        }
        let model = ScoringModel(
            id: id, location: declaration.location, weightRule: declaration.weightRule ?? .mustSumTo100,
            cap: declaration.cap ?? 100, children: children, grades: declaration.grades,
            forcedDistribution: distribution)
        for error in model.validationErrors() {
            if error.code == .invalidWeight && placeholders.contains(error.path) { continue }
            if flawed.contains(error.path) { continue }
            let path = error.path.isEmpty ? "" : error.path.joined(separator: " › ") + ": "
            report(error.location ?? declaration.location, path + error.message)
        }
        guard found.isEmpty else {
            problems += found
            return nil
        }
        return ScorecardDefinition(
            id: id, title: declaration.title ?? declaration.titleZH ?? id, titleZH: declaration.titleZH,
            version: declaration.version, file: declaration.file, extends: declaration.extends,
            per: declaration.per ?? .user, filter: declaration.filter ?? SubjectFilter(),
            peers: declaration.peers ?? .all, model: model, indicators: indicators, rollups: declaration.rollups ?? [],
            alerts: declaration.alerts ?? nil)
    }

    /// Whether `grain` is coarser than `per` on the user → team → department → company line (the
    /// company is coarser than accounts too; an entity grain such as a product or a supplier has
    /// no hierarchy to roll up into).
    static func isCoarser(_ grain: Grain, than per: Grain) -> Bool {
        let line: [Grain] = [.user, .team, .department, .company]
        guard let rolled = line.firstIndex(of: grain) else { return false }
        guard let scored = line.firstIndex(of: per) else { return grain == .company && per == .account }
        return rolled > scored
    }

    /// The distribution's shares best first: as listed, or in the grade bands' order.
    static func order(
        _ declared: DistributionDeclaration, grades: GradeScale?, at location: ModelLocation,
        report: (ModelLocation?, String) -> Void
    ) -> ForcedDistribution? {
        if declared.isOrdered { return ForcedDistribution(declared.shares) }
        guard let grades else {
            report(
                location,
                tr(
                    "distribution { A = 20, … } takes its order from grades = { … }; give grades, or list it in order: { { \"A\", 20 }, { \"B\", 80 } }"
                )
            )
            return nil
        }
        let names = grades.bands.map(\.grade)
        var ok = true
        for share in declared.shares where !names.contains(share.grade) {
            report(
                location,
                tr(
                    "distribution: grade \"%@\" is not one of the grades (%@)", share.grade,
                    names.joined(separator: ", ")))
            ok = false
        }
        guard ok else { return nil }
        let ordered = names.compactMap { name in declared.shares.first { $0.grade == name } }
        return ForcedDistribution(ordered)
    }
}
