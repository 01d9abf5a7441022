import Foundation
import LuaRuntime
import YardstickData
import YardstickLocalization

/// The second evaluation step of a run: per subject, the indicators the ``ColumnPass`` did not
/// compute, on the sessions it started. The figures' values are written in place into one
/// array, in task order; ``FigureRows`` makes the report's rows from it.
struct SubjectPass {
    /// Every figure's value: per task, one per indicator, in indicator order.
    let values: [ResultValue]
    /// The failed figures, in task order.
    let failures: [IndicatorFailure]
    /// The figures by indicator position and path, all workers together.
    let figurePaths: [FigurePaths]
    /// Queries the sessions ran for one subject at a time.
    let subjectQueries: Int
    /// Columns the sessions' column runs computed with host arithmetic.
    let hostArithmeticColumns: Int
    /// Figures copied from column runs a whole unit of subjects at a time.
    let columnFiguresCopied: Int

    /// Evaluates every task of `plan`.
    ///
    /// A worker whose Lua state could not start leaves its tasks undone; each of their figures
    /// then fails, saying so, rather than being dropped.
    init(
        plan: EvaluationPlan, ids: [String], recorder: FigureRecorder, columnPass: ColumnPass,
        progress: EvaluationProgress? = nil
    ) {
        let tasks = plan.tasks
        progress?.begin(indicators: ids.count, subjects: tasks.count)
        let unitFailures = ResultSlots<[IndicatorFailure]>(count: plan.units.count)
        let workerCounts = ResultSlots<(paths: [FigurePaths], copied: Int)>(count: columnPass.workerCount)
        var unstartedCounts = [FigurePaths](repeating: FigurePaths(), count: ids.count)
        let figuresPerTask = recorder.figuresPerTask
        values = [ResultValue](unsafeUninitializedCapacity: tasks.count * figuresPerTask) {
            buffer, initialized in
            let output = FigureBuffer(buffer)
            let queue = WorkQueue(count: plan.units.count)
            DispatchQueue.concurrentPerform(iterations: columnPass.workerCount) { worker in
                guard let session = columnPass.sessions.value(at: worker) else { return }
                var subjectWorker = SubjectWorker(
                    session: session, recorder: recorder, ids: ids, columnPass: columnPass)
                LuaThread.run {
                    while let unit = queue.next() {
                        unitFailures.set(unit, subjectWorker.evaluate(plan.units[unit], of: tasks, into: output))
                        progress?.advance(cells: plan.units[unit].count)
                    }
                }
                workerCounts.set(worker, (subjectWorker.counts, subjectWorker.copiedFigures))
            }
            let notStarted = LuaError(kind: .hostAPI, message: tr("the evaluation worker could not start Lua"))
            let unstarted = ids.map { _ in ResultValue.failed(message: notStarted.message) }
            let unstartedErrors = Dictionary(uniqueKeysWithValues: ids.indices.map { ($0, notStarted) })
            for (unit, range) in plan.units.enumerated() where unitFailures.value(at: unit) == nil {
                var failures: [IndicatorFailure] = []
                for index in range {
                    for position in ids.indices {
                        unstartedCounts[position].count(.notRun, failed: true, limit: false)
                    }
                    failures += recorder.record(
                        index, tasks[index].period, tasks[index].subject, unstarted, unstartedErrors, into: output)
                }
                unitFailures.set(unit, failures)
            }
            initialized = tasks.count * figuresPerTask
        }
        // Units are ranges of tasks in task order.
        failures = plan.units.indices.flatMap { unitFailures.value(at: $0) ?? [] }
        var figurePaths = unstartedCounts
        var subjectQueries = 0
        var hostArithmeticColumns = 0
        var columnFiguresCopied = 0
        for worker in 0..<columnPass.workerCount {
            columnFiguresCopied += workerCounts.value(at: worker)?.copied ?? 0
            for (position, counts) in (workerCounts.value(at: worker)?.paths ?? []).enumerated() {
                figurePaths[position] = figurePaths[position] + counts
            }
            subjectQueries += columnPass.sessions.value(at: worker)?.subjectQueries ?? 0
            hostArithmeticColumns += columnPass.sessions.value(at: worker)?.hostArithmeticColumns ?? 0
        }
        self.figurePaths = figurePaths
        self.subjectQueries = subjectQueries
        self.hostArithmeticColumns = hostArithmeticColumns
        self.columnFiguresCopied = columnFiguresCopied
    }
}
