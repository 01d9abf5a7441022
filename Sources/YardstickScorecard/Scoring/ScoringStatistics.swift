/// How a score report was computed, for the tests that pin the runner's fast paths: a path
/// that silently stops being taken shows here.
package struct ScoringStatistics: Sendable, Equatable {
    /// Peer groups scored through the runner's one `ScoringPlan` (the model validated and laid
    /// out once, inputs handed leaf by leaf): every peer group of every period.
    package var peerGroupsScoredThroughPlan = 0
    /// Subjects' targets taken from an indicator's fixed target (a constant, or none: resolved
    /// once per run) instead of being resolved for the subject.
    package var fixedTargetsTaken = 0

    /// No peer group scored yet.
    package init() {}

    /// Adds another period's counts.
    mutating func add(_ other: ScoringStatistics) {
        peerGroupsScoredThroughPlan += other.peerGroupsScoredThroughPlan
        fixedTargetsTaken += other.fixedTargetsTaken
    }
}
