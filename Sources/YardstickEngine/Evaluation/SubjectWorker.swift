import LuaRuntime

/// One worker of the ``SubjectPass``: evaluates tasks on its own session, takes the values column
/// mode computed, and counts the path that computed each figure.
struct SubjectWorker {
    /// The worker's session.
    let session: EvaluationSession
    /// The worker's own copy of the recorder.
    let recorder: FigureRecorder
    /// The ids of the indicators that run.
    let ids: [String]
    /// What the column pass computed.
    let columnPass: ColumnPass
    /// This worker's figures by indicator position and path, merged after the run (a local
    /// array: no lock and no shared counter per figure).
    private(set) var counts: [FigurePaths]
    /// The block whose column-mode values ``columns`` holds.
    private var block = -1
    /// The column-mode values of ``block``, by indicator position.
    private var columns: [[ResultValue]?] = []
    /// The errors of the indicators pending in ``block`` (peer bins not computed yet), by
    /// indicator position: their column-mode values are these failures.
    private var pending: [Int: LuaError] = [:]

    /// A worker on `session`.
    init(session: EvaluationSession, recorder: FigureRecorder, ids: [String], columnPass: ColumnPass) {
        self.session = session
        self.recorder = recorder.copied()
        self.ids = ids
        self.columnPass = columnPass
        counts = [FigurePaths](repeating: FigurePaths(), count: ids.count)
    }

    /// Evaluates task `index` of `tasks`, writes its figures into `output` and returns its
    /// failures.
    mutating func evaluate(_ index: Int, of tasks: [RunTask], into output: FigureBuffer) -> [IndicatorFailure] {
        let task = tasks[index]
        if task.block != block {
            block = task.block
            (columns, pending) = columnPass.columns(ofBlock: block, ids: ids)
        }
        var values = [ResultValue](repeating: .missing(reason: ""), count: ids.count)
        var errors: [Int: LuaError] = [:]
        var remaining: [Int] = []
        for position in ids.indices {
            if let column = columns[position], let subject = task.member?.index, column[subject].status != .failed {
                values[position] = column[subject]
                counts[position].count(.columnMode, failed: false, limit: false)
            } else if let column = columns[position], let subject = task.member?.index, let error = pending[position] {
                // Pending for every subject: failed as the per-subject path fails it, and
                // evaluated again in the next stage.
                values[position] = column[subject]
                errors[position] = error
                counts[position].count(.columnMode, failed: true, limit: false)
            } else {
                remaining.append(position)
            }
        }
        if !remaining.isEmpty {
            evaluate(remaining, of: task, values: &values, errors: &errors)
        }
        return recorder.record(index, task.period, task.subject, values, errors, into: output)
    }

    /// Evaluates the indicators at `positions` for the task's subject, in one session call.
    private mutating func evaluate(
        _ positions: [Int], of task: RunTask, values: inout [ResultValue], errors: inout [Int: LuaError]
    ) {
        let outcomes = session.evaluateAll(
            positions.map { ids[$0] }, subject: task.subject, period: task.period, member: task.member)
        let paths = session.lastPaths
        for (offset, (position, outcome)) in zip(positions, outcomes).enumerated() {
            switch outcome {
            case .success(let value):
                values[position] = value
                counts[position].count(paths[offset], failed: false, limit: false)
            case .failure(let error):
                values[position] = .failed(message: error.description)
                errors[position] = error
                counts[position].count(paths[offset], failed: true, limit: LimitStops.isLimit(error))
            }
        }
    }
}
