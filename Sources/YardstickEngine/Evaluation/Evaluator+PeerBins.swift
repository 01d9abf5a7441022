import Foundation
import YardstickLocalization

/// Runs with peer bins: the host bins a base indicator's values once every subject's value is
/// known, so the run goes in stages.
extension Evaluator {
    /// Evaluates a run whose indicators declare peer bins (`quantile_bins`, `threshold_bins`).
    ///
    /// Stage 1 evaluates every indicator but the bins. Then, for every grain and period, the
    /// host bins the values of each bins indicator's base (see ``PeerBins``), which needs no
    /// Lua. An indicator that read a bin with `k(id)` in a stage fails there with a pending
    /// message (bins.lua); it is evaluated again in the next stage, with the bins known, and so
    /// on while stages compute new bins. An indicator still pending when no new bin can be
    /// computed (its bins' base failed to load, or bins depend on themselves) keeps its pending
    /// failure.
    ///
    /// The bins' bases (and, with `only`, every bins indicator) run even when not asked for;
    /// the report holds only what was asked for, in load order, task by task as a plain run,
    /// and the breakdowns of what was asked for.
    func runWithPeerBins(
        _ loaded: LoadedSources, sources: [Source], periods: [Period], grains: [Grain], only ids: Set<String>?
    ) throws(EvaluationError) -> RunReport {
        let selection = try RunnableIndicators(
            loaded, only: ids, dataset: engine.dataset, grains: SubjectGrains(workspace: workspace))
        let work = try RunnableIndicators(
            loaded, only: Self.peerBinWork(loaded.definitions, only: ids), dataset: engine.dataset,
            grains: SubjectGrains(workspace: workspace))
        let plan = try plan(grains: grains, periods: periods)
        var figures: [String: [ResultValue]] = [:]
        var failures: [String: [IndicatorFailure]] = [:]
        var statistics = EvaluationStatistics()
        var limitStops: [String: Int] = [:]
        var bins = PeerBinValues()
        var unbinned = work.runnable.filter { $0.peerBins != nil }
        var pending = work.runnable.filter { $0.peerBins == nil }.map(\.id)
        var stages = 0
        while true {
            let computed = binAll(&unbinned, plan: plan, figures: &figures, into: &bins)
            statistics.peerBinFigures += computed
            if pending.isEmpty || (stages > 0 && computed == 0) { break }
            let stage = try RunnableIndicators(
                loaded, only: Set(pending), dataset: engine.dataset, grains: SubjectGrains(workspace: workspace))
            let evaluated = evaluateFigures(loaded, stage, sources: sources, plan: plan, peerBins: bins)
            stages += 1
            let width = stage.ids.count
            var deferred: [String] = []
            for (position, id) in stage.ids.enumerated() {
                let values = evaluated.column(position, of: width)
                figures[id] = values
                // A pending indicator's failures share one message: each distinct message in a
                // row is read once.
                var checked: String?
                let isPending = values.contains {
                    guard case .failed(let message) = $0, message != checked else { return false }
                    checked = message
                    return PeerBinValues.isPending(message)
                }
                if isPending { deferred.append(id) }
            }
            let stageFailures = evaluated.failures.dropFirst(stage.failures.count)
            failures = failures.filter { !stage.ids.contains($0.key) }
            // Failures come task by task: each run of one indicator's is added at once.
            var start = stageFailures.startIndex
            while start < stageFailures.endIndex {
                let id = stageFailures[start].indicatorID
                var end = start + 1
                while end < stageFailures.endIndex, stageFailures[end].indicatorID == id { end += 1 }
                failures[id, default: []] += stageFailures[start..<end]
                start = end
            }
            limitStops.merge(evaluated.limitStops, uniquingKeysWith: +)
            statistics.add(evaluated.statistics, for: Set(stage.ids))
            for id in deferred {
                statistics.deferredFigures =
                    statistics.deferredFigures + (evaluated.statistics.figuresByIndicator[id] ?? FigurePaths())
            }
            pending = deferred
        }
        statistics.evaluationStages = stages
        for definition in unbinned {
            let base = definition.peerBins?.base ?? ""
            let message =
                tr(
                    "the base indicator \"%@\" of its peer bins has no figures: it is unknown, did not load or did not run",
                    base)
            figures[definition.id] = Array(repeating: .failed(message: message), count: plan.tasks.count)
            failures[definition.id] = [
                IndicatorFailure(indicatorID: definition.id, message: message, file: definition.file)
            ]
        }
        var report = peerBinReport(
            selection: selection, plan: plan, periods: periods, figures: figures,
            failures: selection.failures + selection.ids.flatMap { failures[$0] ?? [] }, limitStops: limitStops,
            statistics: statistics)
        // Breakdowns (`--by`, `breakdown = …`) as in a run without bins; a bin, or an indicator
        // reading one, fails per member saying bins are not broken down.
        try breakDown(
            &report, runnable: selection.runnable, sources: sources, grains: grains, periods: periods,
            stops: LimitStops())
        return report
    }

    /// The ids a staged run evaluates: those asked for (all by default) with, when only some
    /// are asked for, every bins indicator and, transitively, the bases of the bins.
    static func peerBinWork(_ definitions: [IndicatorDefinition], only ids: Set<String>?) -> Set<String>? {
        guard var work = ids else { return nil }
        let known = Set(definitions.map(\.id))
        for definition in definitions where definition.peerBins != nil { work.insert(definition.id) }
        var frontier = Array(work)
        let byID = Dictionary(definitions.map { ($0.id, $0) }) { first, _ in first }
        while let id = frontier.popLast() {
            if let base = byID[id]?.peerBins?.base, known.contains(base), work.insert(base).inserted {
                frontier.append(base)
            }
        }
        return work
    }

    /// Bins, block by block, every indicator of `unbinned` whose base has its figures; removes
    /// them from `unbinned` and returns the number of figures computed.
    private func binAll(
        _ unbinned: inout [IndicatorDefinition], plan: EvaluationPlan, figures: inout [String: [ResultValue]],
        into bins: inout PeerBinValues
    ) -> Int {
        var computed = 0
        var progress = true
        // Each block's subject ids, made once for all bins indicators.
        var blockSubjects: [Int: [String]] = [:]
        while progress {
            progress = false
            for (index, definition) in unbinned.enumerated().reversed() {
                guard let declaration = definition.peerBins, let base = figures[declaration.base],
                    base.count == plan.tasks.count
                else { continue }
                var values: [ResultValue] = []
                values.reserveCapacity(plan.tasks.count)
                for (number, block) in plan.blocks.enumerated() {
                    let blockBins = declaration.bins(of: Array(base[block]))
                    values += blockBins
                    guard let first = block.first else { continue }
                    let subjects = blockSubjects[number] ?? plan.tasks[block].map(\.subject.id)
                    blockSubjects[number] = subjects
                    bins.record(
                        definition.id, blockBins, subjects: subjects, period: plan.tasks[first].period,
                        grain: plan.tasks[first].subject.grain)
                }
                figures[definition.id] = values
                computed += values.count
                unbinned.remove(at: index)
                progress = true
            }
        }
        return computed
    }

    /// The report of a staged run: the figures asked for, task by task, in load order.
    private func peerBinReport(
        selection: RunnableIndicators, plan: EvaluationPlan, periods: [Period], figures: [String: [ResultValue]],
        failures: [IndicatorFailure], limitStops: [String: Int], statistics: EvaluationStatistics
    ) -> RunReport {
        let labels = FigureLabels(selection.runnable, locale: workspace.locale)
        let notEvaluated = ResultValue.failed(message: tr("not evaluated: its peer bins could not be computed"))
        let columns = labels.ids.map { figures[$0] }
        let width = labels.ids.count
        // Filled column by column, block by block: each slot is written once.
        let values = [ResultValue](unsafeUninitializedCapacity: plan.tasks.count * width) { buffer, initialized in
            let base = buffer.baseAddress!
            for block in plan.blocks {
                guard let first = block.first else { continue }
                // One grain per block: whether each indicator applies is decided once.
                let grain = plan.tasks[first].subject.grain
                for (position, per) in labels.pers.enumerated() {
                    let fixed: ResultValue? =
                        if !grain.hasFigure(ofIndicatorPer: per) {
                            labels.notApplying(position)
                        } else if columns[position]?.count != plan.tasks.count {
                            notEvaluated
                        } else {
                            nil
                        }
                    if let fixed {
                        for index in block { (base + index * width + position).initialize(to: fixed) }
                    } else {
                        columns[position]!.withUnsafeBufferPointer { column in
                            for index in block { (base + index * width + position).initialize(to: column[index]) }
                        }
                    }
                }
            }
            initialized = plan.tasks.count * width
        }
        var statistics = statistics
        statistics.figuresByIndicator = statistics.figuresByIndicator.filter { selection.ids.contains($0.key) }
        return RunReport(
            workspace: workspace.name, generatedAt: ISO8601DateFormatter().string(from: Date()), periods: periods,
            indicators: Self.infos(selection), results: resultTable(values, plan: plan, selection: selection),
            errors: failures, limitStops: limitStops, statistics: statistics)
    }
}
