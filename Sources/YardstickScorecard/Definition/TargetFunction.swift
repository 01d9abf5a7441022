import YardstickEngine

/// A target computed by a function (a Lua function of the model file), per subject and period.
///
/// Contract: the same context gives the same target; nil means "no target" (the indicator's
/// missing-value policy then applies, with the reason); a thrown error is recorded as the reason
/// the target is missing. Implementations must be safe to call from any thread (a Lua-backed
/// one serialises calls into its VM).
public protocol TargetFunction: Sendable {
    /// A stable name for outputs (`lua:model.lua:14`).
    var identifier: String { get }
    /// One line on what it computes, for `explain`.
    var explanation: String { get }

    /// The target of one subject in one period.
    ///
    /// - Parameter context: The subject, the period and the indicator's values around it.
    /// - Returns: The target, or nil for none.
    /// - Throws: Any error, recorded as the reason the target is missing.
    func target(_ context: TargetContext) throws -> Double?

    /// The targets of many subjects or periods at once, in order: each one what
    /// ``target(_:)`` returns or throws for its context.
    ///
    /// The default calls ``target(_:)`` for each context; a Lua-backed function answers them
    /// all in one visit to its VM's thread instead of one each, which is much cheaper when a
    /// whole peer group's targets are needed.
    ///
    /// - Parameter contexts: The contexts.
    /// - Returns: One result per context, in the same order.
    func targets(_ contexts: [TargetContext]) -> [Result<Double?, any Error>]
}

extension TargetFunction {
    /// Calls ``target(_:)`` for each context in turn.
    public func targets(_ contexts: [TargetContext]) -> [Result<Double?, any Error>] {
        contexts.map { context in Result { try target(context) } }
    }
}

/// What a target function sees: the subject, the period, and the indicator's value in the
/// period, the previous period and the same period last year — all computed by the host
/// beforehand, so a target function never evaluates indicators itself.
public struct TargetContext: Sendable {
    /// The indicator id.
    public var indicatorID: String
    /// The subject (id, name, team, role, grain).
    public var subject: SubjectInfo
    /// The scored period.
    public var period: Period
    /// The indicator's value in the period, or nil when missing.
    public var value: Double?
    /// Its value in the previous period of the same kind (环比 basis), or nil.
    public var previous: Double?
    /// Its value in the same period last year (同比 basis), or nil.
    public var lastYear: Double?
    /// The subject's quota for a metric and tier in the period (resolved as `quota` targets
    /// are), or nil when it has none.
    public var quota: @Sendable (_ metric: String, _ tier: QuotaTier) -> Double?

    /// Creates a context.
    public init(
        indicatorID: String, subject: SubjectInfo, period: Period, value: Double?, previous: Double?,
        lastYear: Double?, quota: @escaping @Sendable (String, QuotaTier) -> Double? = { _, _ in nil }
    ) {
        self.indicatorID = indicatorID
        self.subject = subject
        self.period = period
        self.value = value
        self.previous = previous
        self.lastYear = lastYear
        self.quota = quota
    }
}
