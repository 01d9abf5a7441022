import Foundation
import LuaRuntime
import YardstickData
import YardstickLocalization

/// The second evaluation step of a run: per subject, the indicators the ``ColumnPass`` did not
/// compute, on the sessions it started. Figures are written in place into the report's array, in
/// task order.
struct SubjectPass {
    /// Every figure of the run: per task, one per indicator, in indicator order.
    let results: [IndicatorResult]
    /// The failed figures, in task order.
    let failures: [IndicatorFailure]
    /// The figures by indicator position and path, all workers together.
    let figurePaths: [FigurePaths]
    /// Queries the sessions ran for one subject at a time.
    let subjectQueries: Int
    /// Columns the sessions' column runs computed with host arithmetic.
    let hostArithmeticColumns: Int

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
        let taskFailures = ResultSlots<[IndicatorFailure]>(count: tasks.count)
        let workerCounts = ResultSlots<[FigurePaths]>(count: columnPass.workerCount)
        var unstartedCounts = [FigurePaths](repeating: FigurePaths(), count: ids.count)
        let figuresPerTask = recorder.figuresPerTask
        results = [IndicatorResult](unsafeUninitializedCapacity: tasks.count * figuresPerTask) {
            buffer, initialized in
            let output = FigureBuffer(buffer)
            let queue = WorkQueue(count: plan.units.count)
            DispatchQueue.concurrentPerform(iterations: columnPass.workerCount) { worker in
                guard let session = columnPass.sessions.value(at: worker) else { return }
                var subjectWorker = SubjectWorker(
                    session: session, recorder: recorder, ids: ids, columnPass: columnPass)
                LuaThread.run {
                    while let unit = queue.next() {
                        for index in plan.units[unit] {
                            taskFailures.set(index, subjectWorker.evaluate(index, of: tasks, into: output))
                        }
                        progress?.advance(cells: plan.units[unit].count)
                    }
                }
                workerCounts.set(worker, subjectWorker.counts)
            }
            let notStarted = LuaError(kind: .hostAPI, message: tr("the evaluation worker could not start Lua"))
            let unstarted = ids.map { _ in ResultValue.failed(message: notStarted.message) }
            let unstartedErrors = Dictionary(uniqueKeysWithValues: ids.indices.map { ($0, notStarted) })
            for (index, task) in tasks.enumerated() where taskFailures.value(at: index) == nil {
                for position in ids.indices { unstartedCounts[position].count(.notRun, failed: true, limit: false) }
                taskFailures.set(
                    index, recorder.record(index, task.period, task.subject, unstarted, unstartedErrors, into: output))
            }
            initialized = tasks.count * figuresPerTask
        }
        failures = tasks.indices.flatMap { taskFailures.value(at: $0) ?? [] }
        var figurePaths = unstartedCounts
        var subjectQueries = 0
        var hostArithmeticColumns = 0
        for worker in 0..<columnPass.workerCount {
            for (position, counts) in (workerCounts.value(at: worker) ?? []).enumerated() {
                figurePaths[position] = figurePaths[position] + counts
            }
            subjectQueries += columnPass.sessions.value(at: worker)?.subjectQueries ?? 0
            hostArithmeticColumns += columnPass.sessions.value(at: worker)?.hostArithmeticColumns ?? 0
        }
        self.figurePaths = figurePaths
        self.subjectQueries = subjectQueries
        self.hostArithmeticColumns = hostArithmeticColumns
    }
}
