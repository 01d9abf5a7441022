import YardstickEngine
import YardstickScoring

/// One difference between two model definitions: a model setting, or one indicator's place,
/// weight, target, function, cap, missing-value policy or direction.
public struct DefinitionChange: Sendable, Hashable, Codable {
    /// What changed.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The indicator is new.
        case added
        /// The indicator was dropped.
        case removed
        /// The indicator moved to another dimension.
        case moved
        /// Its declared weight or nominal share of the total changed.
        case weight
        /// Its target rule (constant, quota, function, overrides) changed.
        case target
        /// Its scoring function or the function's parameters changed.
        case function
        /// Its cap changed.
        case cap
        /// Its missing-value policy changed.
        case missing
        /// Its direction (higher or lower is better) changed.
        case direction
        /// The subjects scored (grain or filter).
        case subjects
        /// The peer groups.
        case peers
        /// The grade bands.
        case grades
        /// The forced distribution.
        case distribution
        /// The model's default cap or weight rule.
        case model
    }

    /// The indicator concerned, or nil for a model setting or a dimension.
    public var indicatorID: String?
    /// The dimension concerned (its path, `results › quality`), or nil.
    public var dimension: String?
    /// What changed.
    public var kind: Kind
    /// The old setting in words (empty for an added indicator).
    public var old: String
    /// The new setting in words (empty for a removed indicator).
    public var new: String

    /// Creates a change.
    public init(indicatorID: String?, dimension: String? = nil, kind: Kind, old: String, new: String) {
        self.indicatorID = indicatorID
        self.dimension = dimension
        self.kind = kind
        self.old = old
        self.new = new
    }

    /// What the change is about: the indicator id, the dimension's path, or `(model)`.
    public var subject: String { indicatorID ?? dimension ?? "(model)" }

    /// The changes from `old` to `new`: model settings first, then dimensions (added, removed,
    /// re-weighted) in the new model's order, then per indicator in the new model's order, then
    /// the indicators only the old model has.
    public static func changes(from old: ScorecardDefinition, to new: ScorecardDefinition) -> [DefinitionChange] {
        var changes: [DefinitionChange] = []
        func note(_ id: String?, _ kind: Kind, _ before: String, _ after: String) {
            if before != after {
                changes.append(DefinitionChange(indicatorID: id, kind: kind, old: before, new: after))
            }
        }
        note(nil, .subjects, subjects(old), subjects(new))
        note(nil, .peers, old.peers.rawValue, new.peers.rawValue)
        note(nil, .grades, grades(old.model.grades), grades(new.model.grades))
        note(nil, .distribution, distribution(old.model.forcedDistribution), distribution(new.model.forcedDistribution))
        note(
            nil, .model, "cap \(ScoreText.weight(old.model.cap)), weights \(old.model.weightRule.rawValue)",
            "cap \(ScoreText.weight(new.model.cap)), weights \(new.model.weightRule.rawValue)")

        let oldDimensions = dimensions(of: old.model)
        let newDimensions = dimensions(of: new.model)
        let oldDimensionsByPath = Dictionary(
            oldDimensions.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let newDimensionPaths = Set(newDimensions.map(\.path))
        for dimension in newDimensions {
            guard let before = oldDimensionsByPath[dimension.path] else {
                changes.append(
                    DefinitionChange(
                        indicatorID: nil, dimension: dimension.path, kind: .added, old: "", new: dimension.text))
                continue
            }
            if before.text != dimension.text {
                changes.append(
                    DefinitionChange(
                        indicatorID: nil, dimension: dimension.path, kind: .weight, old: before.text,
                        new: dimension.text))
            }
        }
        for dimension in oldDimensions where !newDimensionPaths.contains(dimension.path) {
            changes.append(
                DefinitionChange(
                    indicatorID: nil, dimension: dimension.path, kind: .removed, old: dimension.text, new: ""))
        }

        let oldLeaves = leaves(of: old.model)
        let newLeaves = leaves(of: new.model)
        let oldByID = Dictionary(oldLeaves.map { ($0.indicator.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(newLeaves.map(\.indicator.id))
        for leaf in newLeaves {
            let id = leaf.indicator.id
            guard let before = oldByID[id] else {
                changes.append(DefinitionChange(indicatorID: id, kind: .added, old: "", new: describe(leaf, in: new)))
                continue
            }
            note(id, .moved, before.path.joined(separator: " › "), leaf.path.joined(separator: " › "))
            note(
                id, .weight,
                "\(ScoreText.weight(before.indicator.weight)) (\(ScoreText.percent(before.share)) of the total)",
                "\(ScoreText.weight(leaf.indicator.weight)) (\(ScoreText.percent(leaf.share)) of the total)")
            note(id, .target, target(old.settings(of: id)), target(new.settings(of: id)))
            note(id, .function, before.indicator.function.explanation, leaf.indicator.function.explanation)
            note(
                id, .cap, ScoreText.weight(before.indicator.cap ?? old.model.cap),
                ScoreText.weight(leaf.indicator.cap ?? new.model.cap))
            note(id, .missing, before.indicator.missingPolicy.rawValue, leaf.indicator.missingPolicy.rawValue)
            note(id, .direction, before.indicator.direction.rawValue, leaf.indicator.direction.rawValue)
        }
        for leaf in oldLeaves where !newIDs.contains(leaf.indicator.id) {
            changes.append(
                DefinitionChange(indicatorID: leaf.indicator.id, kind: .removed, old: describe(leaf, in: old), new: ""))
        }
        return changes
    }

    /// An indicator leaf with its path and nominal share of the total (the product of
    /// weight ÷ siblings' weights along its path, before any re-weighting).
    private struct Leaf {
        var path: [String]
        var indicator: ScorecardIndicator
        var share: Double
    }

    private static func leaves(of model: ScoringModel) -> [Leaf] {
        var found: [Leaf] = []
        func walk(_ nodes: [ScorecardNode], _ prefix: [String], _ share: Double) {
            let sum = nodes.map(\.weight).reduce(0, +)
            for node in nodes {
                let nodeShare = sum > 0 ? share * node.weight / sum : 0
                switch node {
                case .indicator(let indicator):
                    found.append(Leaf(path: prefix + [indicator.id], indicator: indicator, share: nodeShare))
                case .dimension(let dimension): walk(dimension.children, prefix + [dimension.id], nodeShare)
                }
            }
        }
        walk(model.children, [], 1)
        return found
    }

    /// Every dimension's path and `weight (share of the total)`, depth first.
    private static func dimensions(of model: ScoringModel) -> [(path: String, text: String)] {
        var found: [(path: String, text: String)] = []
        func walk(_ nodes: [ScorecardNode], _ prefix: [String], _ share: Double) {
            let sum = nodes.map(\.weight).reduce(0, +)
            for case .dimension(let dimension) in nodes {
                let nodeShare = sum > 0 ? share * dimension.weight / sum : 0
                let path = prefix + [dimension.id]
                found.append(
                    (
                        path.joined(separator: " › "),
                        "\(ScoreText.weight(dimension.weight)) (\(ScoreText.percent(nodeShare)) of the total)"
                    ))
                walk(dimension.children, path, nodeShare)
            }
        }
        walk(model.children, [], 1)
        return found
    }

    private static func describe(_ leaf: Leaf, in definition: ScorecardDefinition) -> String {
        "\(leaf.path.joined(separator: " › ")), weight \(ScoreText.weight(leaf.indicator.weight)) "
            + "(\(ScoreText.percent(leaf.share)) of the total), \(leaf.indicator.function.name)"
    }

    private static func subjects(_ definition: ScorecardDefinition) -> String {
        definition.per.rawValue + (definition.filter.isEmpty ? "" : " where " + definition.filter.description)
    }

    private static func grades(_ scale: GradeScale?) -> String {
        guard let scale else { return "none" }
        return scale.bands.map { "\($0.grade) ≥ \(ScoreText.weight($0.minimum))" }.joined(separator: ", ")
    }

    private static func distribution(_ distribution: ForcedDistribution?) -> String {
        guard let distribution else { return "none" }
        return distribution.shares.map { "\($0.grade) \(ScoreText.weight($0.percent)) %" }.joined(separator: ", ")
    }

    /// A target rule and its overrides in words.
    static func target(_ settings: IndicatorSettings) -> String {
        var text = settings.target.map(rule) ?? "none"
        for override in settings.overrides {
            text += "; where \(override.filter.description): " + rule(override.rule)
        }
        return text
    }

    private static func rule(_ rule: TargetRule) -> String {
        switch rule {
        case .constant(let value): "constant \(ResultValue.number(value).plainText)"
        case .quota(let metric, let tier): "quota \(metric) (\(tier.rawValue))"
        case .function(let function): "function \(function.identifier)"
        }
    }
}
