import Foundation
import LuaRuntime
import YardstickData

/// The first evaluation step of a run: each worker starts its Lua session with the run's
/// indicator files loaded, then evaluates, one column block at a time, the indicators that
/// column mode allows, for every subject of the block at once.
///
/// The sessions stay open for the ``SubjectPass``, which evaluates per subject what this pass
/// did not compute.
struct ColumnPass {
    /// The workers' sessions, by worker; a slot stays empty when its worker could not start Lua.
    let sessions: ResultSlots<EvaluationSession>
    /// The number of workers.
    let workerCount: Int
    /// The values computed, per block (by position in ``EvaluationPlan/blocks``).
    private let columns: ResultSlots<ColumnBlockValues>

    /// Starts `workerCount` sessions and runs the column blocks of `plan` on them.
    ///
    /// - Parameters:
    ///   - ids: The indicators that run (see ``RunnableIndicators/ids``).
    ///   - columnMode: Whether to evaluate anything here (off: only the sessions start).
    ///   - prefetch: Whether the sessions' per-subject path receives shared values ahead.
    ///   - stops: The run's limit stops, shared by all its sessions.
    init(
        plan: EvaluationPlan, ids: [String], sources: [Evaluator.Source], settings: SessionSettings,
        workerCount: Int, columnMode: Bool, prefetch: Bool, stops: LimitStops
    ) {
        let sessions = ResultSlots<EvaluationSession>(count: workerCount)
        let columns = ResultSlots<ColumnBlockValues>(count: plan.blocks.count)
        let queue = WorkQueue(count: plan.columnBlocks.count)
        DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
            LuaThread.run {
                guard let session = try? settings.start() else { return }
                session.prefetch = prefetch
                // Load errors were already collected; files that failed there fail the same way
                // here and are not among the ids run.
                _ = LoadedSources(sources, into: session)
                session.stops = stops
                sessions.set(worker, session)
                let columnIDs = columnMode ? ids.filter { session.columnEligible.contains($0) } : []
                while let next = queue.next() {
                    let block = plan.columnBlocks[next]
                    columns.set(
                        block.block,
                        session.evaluateColumns(
                            columnIDs, period: block.period, runs: block.runs,
                            subjects: block.subjects))
                }
            }
        }
        self.sessions = sessions
        self.columns = columns
        self.workerCount = workerCount
    }

    /// The values column mode computed for a block, by indicator position in `ids` (nil for an
    /// indicator it did not compute), one per subject of the block in task order, and the
    /// errors of the indicators pending there (their values are failures), by position.
    func columns(ofBlock block: Int, ids: [String]) -> (values: [[ResultValue]?], pending: [Int: LuaError]) {
        let computed = columns.value(at: block) ?? ColumnBlockValues()
        var pending: [Int: LuaError] = [:]
        for (position, id) in ids.enumerated() {
            if let error = computed.pending[id] { pending[position] = error }
        }
        return (ids.map { computed.values[$0] }, pending)
    }
}
