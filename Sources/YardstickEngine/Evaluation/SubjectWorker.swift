import LuaRuntime

/// One worker of the ``SubjectPass``: evaluates tasks on its own session, takes the values column
/// mode computed, and counts the path that computed each figure.
struct SubjectWorker {
    /// The worker's session.
    let session: EvaluationSession
    /// Writes the figures and makes the failures.
    let recorder: FigureRecorder
    /// The ids of the indicators that run.
    let ids: [String]
    /// What the column pass computed.
    let columnPass: ColumnPass
    /// This worker's figures by indicator position and path, merged after the run (a local
    /// array: no lock and no shared counter per figure).
    private(set) var counts: [FigurePaths]
    /// Figures copied from column runs a whole unit at a time.
    private(set) var copiedFigures = 0
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
        self.recorder = recorder
        self.ids = ids
        self.columnPass = columnPass
        counts = [FigurePaths](repeating: FigurePaths(), count: ids.count)
    }

    /// Evaluates the tasks of `unit` (a range of `tasks` within one block), writes their figures
    /// into `output` and returns their failures, in task order.
    ///
    /// An indicator that column mode computed for every subject of the unit, with no failure,
    /// is copied from its column as a whole; indicators pending for every subject are failed in
    /// bulk; the others go task by task (``evaluate(_:positions:of:into:)``).
    mutating func evaluate(_ unit: Range<Int>, of tasks: [RunTask], into output: FigureBuffer) -> [IndicatorFailure] {
        guard let first = unit.first else { return [] }
        if tasks[first].block != block {
            block = tasks[first].block
            (columns, pending) = columnPass.columns(ofBlock: block, ids: ids)
        }
        let width = recorder.figuresPerTask
        let grain = tasks[first].subject.grain
        let pers = recorder.labels.pers
        let applies = { (position: Int) in grain.hasFigure(ofIndicatorPer: pers[position]) }
        var copied = [Bool](repeating: false, count: ids.count)
        for position in ids.indices where pending[position] == nil {
            guard let column = columns[position], applies(position),
                unit.allSatisfy({ index in
                    tasks[index].member.map { column[$0.index].status != .failed } ?? false
                })
            else { continue }
            for index in unit {
                output.initialize(index * width + position, column[tasks[index].member!.index])
            }
            counts[position].count(.columnMode, failed: false, limit: false, times: unit.count)
            copiedFigures += unit.count
            copied[position] = true
        }
        var failures: [IndicatorFailure] = []
        guard copied.contains(false) else { return failures }
        let remaining = ids.indices.filter { !copied[$0] }
        if remaining.allSatisfy({ pending[$0] != nil && columns[$0] != nil }),
            unit.allSatisfy({ tasks[$0].member != nil })
        {
            // Only indicators pending for every subject are left (a stage before their peer
            // bins): each figure is its column's failure, with the same error.
            let applying = remaining.filter(applies)
            let notApplying = remaining.filter { !applies($0) }
            let templates = applying.map { position in
                recorder.failure(of: position, error: pending[position]!, subjectID: "", periodLabel: "", grain: grain)
            }
            failures.reserveCapacity(unit.count * applying.count)
            for index in unit {
                let subject = tasks[index].member!.index
                for position in notApplying {
                    output.initialize(index * width + position, recorder.labels.notApplying(position))
                }
                for (template, position) in zip(templates, applying) {
                    output.initialize(index * width + position, columns[position]![subject])
                    var failure = template
                    failure.subjectID = tasks[index].subject.id
                    failure.periodLabel = tasks[index].period.label
                    failures.append(failure)
                }
            }
            for position in remaining {
                counts[position].count(.columnMode, failed: true, limit: false, times: unit.count)
            }
            return failures
        }
        for index in unit {
            failures += evaluate(index, positions: remaining, of: tasks, into: output)
        }
        return failures
    }

    /// Evaluates the indicators at `positions` for task `index` of `tasks`, writes their figures
    /// into `output` and returns their failures.
    private mutating func evaluate(
        _ index: Int, positions: [Int], of tasks: [RunTask], into output: FigureBuffer
    ) -> [IndicatorFailure] {
        let member = tasks[index].member?.index
        var values = [ResultValue](repeating: .missing(reason: ""), count: positions.count)
        var errors: [Int: LuaError] = [:]
        var remaining: [Int] = []
        for (offset, position) in positions.enumerated() {
            if let column = columns[position], let subject = member, column[subject].status != .failed {
                values[offset] = column[subject]
                counts[position].count(.columnMode, failed: false, limit: false)
            } else if let column = columns[position], let subject = member, let error = pending[position] {
                // Pending for every subject: failed as the per-subject path fails it, and
                // evaluated again in the next stage.
                values[offset] = column[subject]
                errors[offset] = error
                counts[position].count(.columnMode, failed: true, limit: false)
            } else {
                remaining.append(offset)
            }
        }
        if !remaining.isEmpty {
            evaluate(
                remaining.map { positions[$0] }, of: tasks[index], values: &values, errors: &errors,
                offsets: remaining)
        }
        return recorder.record(
            index, tasks[index].period, tasks[index].subject, values, errors, positions: positions, into: output)
    }

    /// Evaluates the indicators at `positions` for the task's subject, in one session call, into
    /// `values` and `errors` at `offsets` (one per position).
    private mutating func evaluate(
        _ positions: [Int], of task: RunTask, values: inout [ResultValue], errors: inout [Int: LuaError],
        offsets: [Int]
    ) {
        let outcomes = session.evaluateAll(
            positions.map { ids[$0] }, subject: task.subject, period: task.period, member: task.member)
        let paths = session.lastPaths
        for (index, (position, outcome)) in zip(positions, outcomes).enumerated() {
            let offset = offsets[index]
            switch outcome {
            case .success(let value):
                values[offset] = value
                counts[position].count(paths[index], failed: false, limit: false)
            case .failure(let error):
                values[offset] = .failed(message: error.description)
                errors[offset] = error
                counts[position].count(paths[index], failed: true, limit: LimitStops.isLimit(error))
            }
        }
    }
}
