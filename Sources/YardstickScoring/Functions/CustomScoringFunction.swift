/// A scoring function defined outside this module (later: a Lua function in the model file).
///
/// Contract: ``scores(for:direction:cap:)`` receives the whole peer group at once, in the
/// group's order, and returns exactly one entry per input — a score, or nil when it has none
/// for that subject. It must not depend on anything but its inputs (the same inputs give the
/// same scores), so results can be reproduced. The host clamps each score into `0...cap` and
/// records a thrown error as a missing score with the error's description; a wrong number of
/// results is recorded the same way. Inputs whose value is missing are passed too (the function
/// may give them a score; ``MissingValuePolicy`` applies only when it gives none).
public protocol CustomScoringFunction: Sendable {
    /// A stable name for outputs and explanations (`lua:model.lua:42`, `last-year-plus-10`).
    var identifier: String { get }
    /// One line on what the function does, with its parameters, for `explain`.
    var explanation: String { get }

    /// Scores every subject of a peer group.
    ///
    /// - Parameters:
    ///   - inputs: One input per subject, in the peer group's order.
    ///   - direction: The indicator's direction.
    ///   - cap: The highest score allowed.
    /// - Returns: One score (or nil) per input, in the same order.
    /// - Throws: Any error, recorded as the reason the scores are missing.
    func scores(for inputs: [ScoringInput], direction: Direction, cap: Double) throws -> [Double?]
}
