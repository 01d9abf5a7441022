/// How an indicator's value (and target) becomes a score in `0...cap`, 100 being "target met".
///
/// Functions on a target read the direction-aware ``Completion`` of each subject; peer
/// functions compare each subject with the others of its peer group, which the host scores all
/// at once after every value is known (``scores(for:direction:cap:)``) — a script never
/// re-computes another subject's values. Missing values take no part in a peer group.
///
/// Whatever the function, a score is clamped into `0...cap`. When completion has no ratio
/// (``CompletionRule/zeroDenominator``) and the target is met, the target functions give their
/// best score (the cap for linear, the top step, the pass score).
public enum ScoringFunction: Sendable {
    /// Linear in completion: 0 at completion `zero`, 100 at completion `full`, continuing past
    /// it up to the cap: `100 × (completion − zero) / (full − zero)`.
    ///
    /// `linear(zero: 0.5, full: 1.0)` gives 0 below 50 % of target, 60 at 80 %, 100 at the
    /// target and 120 at 110 % (if the cap allows). Requires `0 ≤ zero < full`.
    case linear(zero: Double, full: Double)
    /// A banded table: the score of the highest step reached, 0 below every step.
    ///
    /// On ``StepBasis/completion`` a step is reached when completion ≥ its threshold; on
    /// ``StepBasis/value`` when the value is at least its threshold (higher is better) or at most
    /// it (lower is better). Thresholds must be distinct.
    case steps([ScoreStep], basis: StepBasis)
    /// Pass or fail: `pass` when completion reaches `at` (1.0: the target), else `fail`.
    case threshold(at: Double, pass: Double, fail: Double)
    /// Rank within the peer group (排序法): `100 × (n − rank) / (n − 1)` with competition ranks
    /// (``PeerRanking``), so the best gets 100 and the worst 0; tied peers share a score; a peer
    /// group of one gets 100.
    case rank
    /// Percentile within the peer group: `100 × (worse + ½ × tied) / (n − 1)`, counting the
    /// other peers with a worse and with an equal value; a peer group of one gets 100, a group
    /// of equals 50 each.
    case percentile
    /// Relative to the peer mean (相对比较法): `100 × completion` against the mean of the peers'
    /// values as the target, so a subject at the mean scores 100.
    case relativeToMean
    /// Relative to the peer best: `100 × completion` against the best peer value as the target,
    /// so the best scores 100.
    case relativeToBest
    /// A function defined outside this module (a Lua function in the model file, later).
    case custom(any CustomScoringFunction)

    /// The usual function: linear from 0 to the target (`linear(zero: 0, full: 1)`).
    public static let proportional = ScoringFunction.linear(zero: 0, full: 1)
    /// Pass or fail on the target: 100 when met, 0 when not.
    public static let passFail = ScoringFunction.threshold(at: 1, pass: 100, fail: 0)

    /// Whether the function compares a subject with its peers (and so needs no target).
    public var isPeerFunction: Bool {
        switch self {
        case .rank, .percentile, .relativeToMean, .relativeToBest: true
        case .linear, .steps, .threshold, .custom: false
        }
    }

    /// A short, stable name for outputs (`linear`, `steps`, `rank`, `custom:<identifier>`…).
    public var name: String {
        switch self {
        case .linear: "linear"
        case .steps: "steps"
        case .threshold: "threshold"
        case .rank: "rank"
        case .percentile: "percentile"
        case .relativeToMean: "relative-to-mean"
        case .relativeToBest: "relative-to-best"
        case .custom(let function): "custom:\(function.identifier)"
        }
    }

    /// The function and its parameters in words, for `explain`.
    ///
    /// For example `linear: 0 at 50 % of target, 100 at 100 %` or
    /// `steps on completion: ≥ 80 % → 60, ≥ 100 % → 100`.
    public var explanation: String {
        switch self {
        case .linear(let zero, let full):
            "linear: 0 at \(Self.percent(zero)) of target, 100 at \(Self.percent(full))"
        case .steps(let steps, let basis):
            "steps on \(basis.rawValue): "
                + steps.sorted { $0.threshold < $1.threshold }.map { step in
                    let threshold = basis == .completion ? Self.percent(step.threshold) : Self.number(step.threshold)
                    return "\(threshold) → \(Self.number(step.score))"
                }.joined(separator: ", ")
        case .threshold(let at, let pass, let fail):
            "threshold: \(Self.number(pass)) from \(Self.percent(at)) of target, else \(Self.number(fail))"
        case .rank: "rank in peer group: 100 × (n − rank) / (n − 1)"
        case .percentile: "percentile in peer group: 100 × (worse + ½ tied) / (n − 1)"
        case .relativeToMean: "relative to peer mean: 100 × completion against the mean"
        case .relativeToBest: "relative to peer best: 100 × completion against the best"
        case .custom(let function): "custom \(function.identifier): \(function.explanation)"
        }
    }

    static func percent(_ fraction: Double) -> String { number(fraction * 100) + " %" }

    static func number(_ value: Double) -> String {
        let rounded = (value * 1_000_000).rounded() / 1_000_000
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    }
}
