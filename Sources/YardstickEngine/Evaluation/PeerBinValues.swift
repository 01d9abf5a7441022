/// The peer bins a run has computed so far, which the sessions hand to the indicators that read
/// them with `k(id)` (the host function `peer_bin`).
///
/// Empty in the first stage of a run: an indicator that reads a bin then fails with a message
/// starting with ``pendingMarker``, and the run evaluates it again once the bins are known (see
/// ``Evaluator/runWithPeerBins(_:sources:periods:grains:only:)``).
struct PeerBinValues: Sendable {
    /// One bin: of which indicator, for which subject, in which period.
    struct Key: Hashable, Sendable {
        var indicator: String
        var period: Period
        var grain: Grain
        var subject: String
    }

    /// How the message of an indicator that read a bin not computed yet starts (bins.lua raises
    /// it).
    static let pendingMarker = "peer bins pending: "

    /// The bins, by indicator, subject and period.
    private(set) var values: [Key: ResultValue] = [:]

    /// Records the bins of one indicator for the subjects of one grain and period.
    mutating func record(_ indicator: String, _ bins: [ResultValue], of tasks: some Sequence<RunTask>) {
        for (task, bin) in zip(tasks, bins) {
            let key = Key(
                indicator: indicator, period: task.period, grain: task.subject.grain, subject: task.subject.id)
            values[key] = bin
        }
    }

    /// The bin of `indicator` for a subject in a period; nil when it is not computed (yet).
    func value(of indicator: String, subject: SubjectInfo, period: Period) -> ResultValue? {
        values[Key(indicator: indicator, period: period, grain: subject.grain, subject: subject.id)]
    }

    /// Whether a failure message is that of an indicator that read a bin not computed yet.
    static func isPending(_ message: String) -> Bool { message.contains(pendingMarker) }
}
