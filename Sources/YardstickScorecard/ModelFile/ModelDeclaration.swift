import YardstickEngine
import YardstickScoring

/// What one model file declares, before `extends` is applied and defaults are filled in:
/// every setting is optional (nil: the file did not give it), so an extending model replaces
/// exactly what it gives.
struct ModelDeclaration: Sendable {
    /// The file, relative to the workspace.
    var file: String
    /// The line of `scorecard { … }`, when known.
    var line: Int?
    /// The model's id.
    var id: String?
    /// The English title.
    var title: String?
    /// The Chinese title.
    var titleZH: String?
    /// The declared version.
    var version: String?
    /// The base model's id, and the line of the declaration.
    var extends: String?
    /// The grain scored.
    var per: Grain?
    /// Which subjects are scored (`where`).
    var filter: SubjectFilter?
    /// The peer groups.
    var peers: PeerGrouping?
    /// How sibling weights add up (`weights`).
    var weightRule: WeightRule?
    /// The default cap.
    var cap: Double?
    /// The default missing-value policy.
    var missing: MissingValuePolicy?
    /// The grade bands.
    var grades: GradeScale?
    /// The forced distribution as declared (its order may come from the grades).
    var distribution: DistributionDeclaration?
    /// The rollup grains.
    var rollups: [Grain]?
    /// The alerts: nil when not given, `.some(nil)` when switched off (`alerts = false`).
    var alerts: AlertSettings??
    /// The top-level dimensions and indicators.
    var children: [NodeDeclaration] = []

    /// Where the model is declared.
    var location: ModelLocation { ModelLocation(file: file, line: line) }
}

/// A forced distribution as written: `{ A = 20, B = 70, C = 10 }` (ordered later by the grade
/// bands) or `{ { "A", 20 }, { "B", 70 } }` (ordered as written).
struct DistributionDeclaration: Sendable {
    /// The grades and their shares.
    var shares: [GradeShare]
    /// Whether the order is the written one (a list); else the grades' order applies.
    var isOrdered: Bool
}

/// A `dimension` or `kpi` as one file declares it (optional fields: see ``ModelDeclaration``).
struct NodeDeclaration: Sendable {
    /// Which form declared it.
    enum Kind: String, Sendable {
        /// `dimension "id" { … }`.
        case dimension
        /// `kpi "id" { … }`.
        case kpi
    }

    /// Which form declared it.
    var kind: Kind
    /// The node's id (an indicator id for a kpi).
    var id: String
    /// Where it was (last) declared.
    var location: ModelLocation
    /// `drop = true`: remove the base's node of this id.
    var drop = false
    /// The title (dimension), in English or the one language given.
    var title: String?
    /// The Chinese title (dimension).
    var titleZH: String?
    /// The weight within its parent.
    var weight: Double?
    /// The target rule (kpi).
    var target: TargetRule?
    /// The scoring function (kpi).
    var score: ScoringFunction?
    /// The cap (kpi).
    var cap: Double?
    /// The missing-value policy (kpi).
    var missing: MissingValuePolicy?
    /// The direction (`better`, kpi).
    var better: Direction?
    /// The pipeline indicator (kpi).
    var pipeline: String?
    /// How a constant target rolls up (`rollup_target`, kpi).
    var rollupTarget: ConstantRollup?
    /// The target overrides (kpi).
    var overrides: [TargetOverride]?
    /// The children (dimension).
    var children: [NodeDeclaration] = []
    /// Whether reading it found problems (checks after the merge then skip it, so one mistake
    /// is reported once).
    var isFlawed = false

    /// The form and id as the file writes them: `kpi "win_rate"`.
    var label: String { "\(kind.rawValue) \"\(id)\"" }
}
