import Foundation
import YardstickData
import YardstickLocalization
import YardstickQuery

/// The breakdown step of a run: indicators evaluated once per member of a dimension, for every
/// subject and period, after the overall figures.
///
/// Each subject of a grain becomes one evaluation per member, its scope restricted to the
/// member's rows (``MemberRestriction``). When the grain's subjects partition the users (or
/// accounts), or the grain is the company, the subject × member cells are one partition split
/// by members (``SubjectPartition/splitting(by:)``): each query is computed once for every
/// cell in one pass over the rows, and column mode evaluates a straight-line indicator once for
/// all cells of a period. Otherwise each cell's queries run alone with the restriction as a
/// filter; the values are the same.
///
/// A member is reported for a subject and period only when it has rows there in one of the views
/// that the indicators broken down by the dimension read (views restricted to the subject when
/// one read any; views of entities without the path do not count); every such indicator then
/// has a figure for it, so a member's line is complete. An indicator that read no view of an
/// entity with the path gets no breakdown figures: the dimension does not apply to it.
struct BreakdownPass {
    /// The figures kept, in task order (grain, period, subject, member), indicators in the
    /// order given within a task.
    private(set) var results: [IndicatorResult] = []
    /// The failures among the figures kept (one per indicator, subject and period).
    private(set) var failures: [IndicatorFailure] = []
    /// How the figures were evaluated, all indicators together (kept or not).
    private(set) var paths = FigurePaths()
    /// Queries the sessions ran for one subject × member at a time.
    private(set) var subjectQueries = 0

    /// Breaks `definitions` down by `dimension` for every subject of `grains` in `periods`.
    ///
    /// - Throws: ``EvaluationError`` when no mapped entity has the dimension's path, or a grain's
    ///   subjects cannot be listed.
    init(
        dimension: BreakdownDimension, definitions: [IndicatorDefinition], evaluator: Evaluator,
        sources: [Evaluator.Source], grains: [Grain], periods: [Period], stops: LimitStops
    ) throws(EvaluationError) {
        let engine = evaluator.engine
        let members: DimensionMembers
        do {
            members = try engine.members(of: dimension)
        } catch {
            throw EvaluationError(error.message)
        }
        let plan = try Self.plan(dimension, members, evaluator: evaluator, grains: grains, periods: periods)
        var settings = evaluator.sessionSettings
        settings.recordsTouchedPlans = true
        // Another pack's figures are the subject's, not a member's: reading them here would
        // put the subject's value in every member.
        settings.imported.unavailableReason = "another pack's figures are not broken down by member"
        // Peer bins rank the subjects' overall figures: a member has none of its own.
        settings.peerBins.refusal = tr("peer bins rank subjects' overall figures and are not broken down by member")
        let workerCount = min(evaluator.workers, max(1, plan.units.count))
        // Each indicator on its own, so that the views it read are known.
        var evaluated: [(rows: ResultTable, failures: [IndicatorFailure], hasRows: [Bool])] = []
        for definition in definitions {
            let ids = [definition.id]
            let columnPass = ColumnPass(
                plan: plan, ids: ids, sources: sources, settings: settings, workerCount: workerCount,
                columnMode: evaluator.columnMode, prefetch: false, stops: stops)
            let recorder = FigureRecorder([definition], locale: evaluator.workspace.locale)
            let pass = SubjectPass(plan: plan, ids: ids, recorder: recorder, columnPass: columnPass)
            var touched: Set<QueryPlan> = []
            for worker in 0..<workerCount {
                touched.formUnion(columnPass.sessions.value(at: worker)?.touchedPlans ?? [])
            }
            paths = paths + (pass.figurePaths.first ?? FigurePaths())
            subjectQueries += pass.subjectQueries
            let presence = MemberPresence(touched: touched, members: members, engine: engine)
            // An indicator that read no view with the path is not broken down.
            guard presence.applies else { continue }
            let rows = FigureRows.table(pass.values, tasks: plan.tasks, labels: recorder.labels)
            evaluated.append((rows, pass.failures, plan.tasks.map(presence.hasRows)))
        }
        // A member is reported for a subject and period when any indicator broken down by the
        // dimension has rows of it there; then every such indicator reports it.
        var failedCells: Set<String> = []
        for index in plan.tasks.indices where evaluated.contains(where: { $0.hasRows[index] }) {
            let task = plan.tasks[index]
            for (rows, _, _) in evaluated {
                let figure = rows[index]
                results.append(figure)
                if figure.value.status == .failed {
                    failedCells.insert(figure.indicatorID + "\u{1F}" + task.subject.id + "\u{1F}" + task.period.label)
                }
            }
        }
        var reported: Set<String> = []
        for (_, passFailures, _) in evaluated {
            for failure in passFailures {
                let cell =
                    failure.indicatorID + "\u{1F}" + (failure.subjectID ?? "") + "\u{1F}" + (failure.periodLabel ?? "")
                guard failedCells.contains(cell), reported.insert(cell + "\u{1F}" + failure.message).inserted else {
                    continue
                }
                failures.append(failure)
            }
        }
    }

    /// The tasks of a breakdown: per grain and period, each subject once per member (members
    /// in label order, the empty one last), as cells of the grain's partition split by members
    /// when there is one.
    private static func plan(
        _ dimension: BreakdownDimension, _ members: DimensionMembers, evaluator: Evaluator, grains: [Grain],
        periods: [Period]
    ) throws(EvaluationError) -> EvaluationPlan {
        let engine = evaluator.engine
        var layouts: [Grain: (subjects: [SubjectInfo], runs: PartitionRuns?)] = [:]
        for grain in grains where layouts[grain] == nil {
            let subjects = try SubjectCatalog.subjects(of: grain, in: engine.dataset, workspace: evaluator.workspace)
            var partition: SubjectPartition?
            if evaluator.paths.partitioned {
                if subjects.count == 1, case .company = subjects[0].subject {
                    partition = .company(splitBy: members)
                } else {
                    let targetEntity: String
                    switch subjects.first?.subject {
                    case .accounts?: targetEntity = "accounts"
                    case .entity(let entity)?: targetEntity = entity.entity
                    default: targetEntity = "users"
                    }
                    let targetCount = engine.dataset[targetEntity]?.rowCount ?? 0
                    partition = SubjectPartition(subjects.map(\.subject), targetCount: targetCount)?
                        .splitting(by: members)
                }
            }
            var expanded: [SubjectInfo] = []
            expanded.reserveCapacity(subjects.count * members.count)
            for subject in subjects {
                for index in 0..<members.count {
                    var cell = subject
                    cell.member = MemberRestriction(dimension: dimension, member: members.member(at: index))
                    expanded.append(cell)
                }
            }
            layouts[grain] = (
                expanded,
                partition.map { PartitionRuns(engine: engine, partition: $0, periods: periods.map(\.queryDays)) }
            )
        }
        return try EvaluationPlan(
            grains: grains, periods: periods, workers: evaluator.workers,
            subjects: { grain throws(EvaluationError) in layouts[grain]?.subjects ?? [] },
            partitionRuns: { subjects in subjects.first.flatMap { layouts[$0.grain]?.runs } })
    }
}

/// Whether a subject × member cell has rows in the views an indicator read (see
/// ``BreakdownPass``): the count of each such view's rows in the cell, from the cell's partition
/// (one pass per view for all cells) or, for a subject alone, from its own query.
struct MemberPresence {
    private let engine: QueryEngine
    private let counts: [QueryEngine.PreparedAggregate]

    /// Whether the indicator read any view of an entity with the dimension's path.
    var applies: Bool { !counts.isEmpty }

    init(touched: Set<QueryPlan>, members: DimensionMembers, engine: QueryEngine) {
        self.engine = engine
        let withPath = touched.filter { members.members(of: $0.entity) != nil }
        let own = withPath.filter(\.restrictedToSubject)
        let chosen = (own.isEmpty ? withPath : own).sorted { "\($0)" < "\($1)" }
        counts = chosen.compactMap { plan in
            guard let prepared = try? engine.prepare(plan) else { return nil }
            return try? engine.prepare(.count, of: prepared)
        }
    }

    /// Whether any of the views has a row in the task's cell in its period.
    func hasRows(_ task: RunTask) -> Bool {
        for count in counts {
            let value: QueryValue?
            if let member = task.member {
                value = (try? member.runs.values(of: count, in: task.period.queryDays))?[member.index]
            } else {
                let scope = QueryScope(
                    subject: task.subject.subject, firstDay: task.period.firstDay, lastDay: task.period.lastDay,
                    member: task.subject.member)
                value = try? engine.run(count, in: scope)
            }
            if case .integer(let rows)? = value, rows > 0 { return true }
        }
        return false
    }
}
