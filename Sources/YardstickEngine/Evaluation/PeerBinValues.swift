import Foundation

/// The peer bins a run has computed so far, which the sessions hand to the indicators that read
/// them with `k(id)` (the host functions `peer_bin` and `peer_bin_column`).
///
/// Empty in the first stage of a run: an indicator that reads a bin then fails with a message
/// starting with ``pendingMarker``, and the run evaluates it again once the bins are known (see
/// ``Evaluator/runWithPeerBins(_:sources:periods:grains:only:)``).
///
/// Kept as the host computes them: per indicator, grain and period, one array of bins in the
/// order of the block's subjects. A column run over the same subjects takes that array as it
/// is (``column(of:subjects:period:)``); one subject's bin is found through the block's subject
/// positions, built once per grain and period for all its indicators.
struct PeerBinValues: Sendable {
    /// The bins of one indicator for the subjects of one grain in one period.
    struct Key: Hashable, Sendable {
        var indicator: String
        var period: Period
        var grain: Grain
    }

    /// A grain in a period: the subjects whose bins a block holds.
    struct BlockKey: Hashable, Sendable {
        var period: Period
        var grain: Grain
    }

    /// One block's bins, in the order of ``subjects``.
    struct Block: Sendable {
        /// The subjects' ids.
        var subjects: [String]
        /// The bins, one per subject.
        var bins: [ResultValue]
    }

    /// How the message of an indicator that read a bin not computed yet starts (bins.lua raises
    /// it).
    static let pendingMarker = "peer bins pending: "

    /// Why no bin can be read here, when none can (a breakdown's sessions: bins rank subjects'
    /// overall figures, not a member's); nil where bins are read or pending.
    var refusal: String?

    /// The bins, by indicator, grain and period.
    private(set) var blocks: [Key: Block] = [:]
    /// The subjects of the blocks of a grain and period, in order, with each one's position.
    private var positions: [BlockKey: SubjectPositions] = [:]

    /// Subjects in order, and each one's position, indexed on first use: a run whose readers of
    /// bins all run in column mode never asks for one subject's bin.
    final class SubjectPositions: @unchecked Sendable {
        /// The subjects' ids, in order.
        let subjects: [String]
        private let lock = NSLock()
        private var index: [String: Int]?

        init(_ subjects: [String]) { self.subjects = subjects }

        /// The position of subject `id`; nil when it is not one of them.
        func position(of id: String) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            if index == nil {
                var map: [String: Int] = [:]
                map.reserveCapacity(subjects.count)
                for (position, id) in subjects.enumerated() { map[id] = position }
                index = map
            }
            return index?[id]
        }
    }

    /// Records the bins of one indicator for `subjects` (their ids), the subjects of one grain in
    /// one period, in their order. The subjects' positions are indexed once per grain and period:
    /// pass the same array for every indicator of a block.
    mutating func record(_ indicator: String, _ bins: [ResultValue], subjects: [String], period: Period, grain: Grain) {
        guard bins.count == subjects.count else { return }
        let blockKey = BlockKey(period: period, grain: grain)
        if positions[blockKey]?.subjects != subjects { positions[blockKey] = SubjectPositions(subjects) }
        blocks[Key(indicator: indicator, period: period, grain: grain)] = Block(subjects: subjects, bins: bins)
    }

    /// The bin of `indicator` for a subject in a period; nil when it is not computed (yet).
    func value(of indicator: String, subject: SubjectInfo, period: Period) -> ResultValue? {
        let key = Key(indicator: indicator, period: period, grain: subject.grain)
        guard let block = blocks[key],
            let position = positions[BlockKey(period: period, grain: subject.grain)]?.position(of: subject.id),
            block.subjects.indices.contains(position), block.subjects[position] == subject.id
        else { return nil }
        return block.bins[position]
    }

    /// The bins of `indicator` for `subjects` (of one grain) in a period, in their order; nil
    /// when some subject's bin is not computed (yet). The block's own array when the subjects
    /// are the block's, in its order (a column run over the grain).
    func column(of indicator: String, subjects: [SubjectInfo], period: Period) -> [ResultValue]? {
        guard let grain = subjects.first?.grain,
            let block = blocks[Key(indicator: indicator, period: period, grain: grain)]
        else { return nil }
        if block.subjects.count == subjects.count,
            subjects.indices.allSatisfy({ block.subjects[$0] == subjects[$0].id && subjects[$0].grain == grain })
        {
            return block.bins
        }
        var bins: [ResultValue] = []
        bins.reserveCapacity(subjects.count)
        for subject in subjects {
            guard let bin = value(of: indicator, subject: subject, period: period) else { return nil }
            bins.append(bin)
        }
        return bins
    }

    /// Whether a failure message is that of an indicator that read a bin not computed yet.
    static func isPending(_ message: String) -> Bool { message.contains(pendingMarker) }
}
