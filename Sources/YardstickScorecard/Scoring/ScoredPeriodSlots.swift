import Foundation

/// One slot per scored period, filled by the threads that score periods side by side; read
/// once they have all finished.
final class ScoredPeriodSlots: @unchecked Sendable {
    private var slots: [Result<PeriodScores, ScorecardError>?]
    private let lock = NSLock()

    /// Creates `count` empty slots.
    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    /// Fills slot `index`.
    func fill(_ index: Int, with result: Result<PeriodScores, ScorecardError>) {
        lock.withLock { slots[index] = result }
    }

    /// The periods in slot order, or the first error (in period order).
    func collect() throws(ScorecardError) -> [PeriodScores] {
        let filled = lock.withLock { slots }
        var periods: [PeriodScores] = []
        for slot in filled {
            guard let slot else { continue }
            periods.append(try slot.get())
        }
        return periods
    }
}
