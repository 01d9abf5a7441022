import Foundation
import YardstickData
import YardstickEngine
import YardstickLocalization
import YardstickQuery
import YardstickScorecard

/// What `explain --model` and `compare-models` share: opening the workspace with its models
/// and indicators, reading `--as-of`, and scoring a model.
struct ModelScoring {
    /// The workspace.
    let workspace: Workspace
    /// Its data.
    let dataset: Dataset
    /// Its models.
    let models: ScorecardModels
    /// The indicators available to the models.
    let selection: IndicatorSelection
    /// The evaluator over the data.
    let evaluator: Evaluator

    /// Opens the workspace at `directory` with its data, models and indicators.
    ///
    /// - Parameter lenient: Whether rows with bad values are skipped (counted on standard error,
    ///   as `explain` does) instead of failing the load (as `score` does by default).
    /// - Parameter cache: Whether the data may come from the snapshot cache (`--no-cache`).
    /// - Throws: ``CommandFailure``: `workspace`/`data` when the workspace cannot be opened or
    ///   loaded, `usage` for a bad indicators argument, `evaluation` when a model file fails.
    init(
        directory: String, indicators: String?, limits: LimitOptions, lenient: Bool, cache: Bool = true,
        packs: PackOptions
    ) throws(CommandFailure) {
        (workspace, dataset) = try WorkspaceLoading.load(
            directory, lenient: lenient, listsSkippedRows: false, cache: cache)
        selection = try packs.selection(indicators: indicators, workspace: workspace)
        let packModels = try packs.models(workspace: workspace)
        do {
            models = try ScorecardModels.load(workspace: directory, packs: packModels)
        } catch {
            throw CommandFailure(error, otherwise: .evaluation)
        }
        evaluator = Evaluator(engine: QueryEngine(dataset: dataset), workspace: workspace, limits: limits.limits)
    }

    /// Scores the model `argument` names (an id or a file; nil: the only model) over `periods`.
    ///
    /// - Throws: ``CommandFailure`` of kind `evaluation` when the model is unknown or cannot be
    ///   scored.
    func score(model argument: String?, periods: [Period], asOf: Int32) throws(CommandFailure) -> ScoreReport {
        do {
            let definition = try models.model(argument, workspace: workspace.directory)
            // "Today" is the as-of day for the indicators too (days elapsed, pace), as in `score`.
            var evaluator = self.evaluator
            evaluator.today = asOf
            return try ScorecardRunner(evaluator: evaluator, selection: selection, definition: definition, asOf: asOf)
                .score(periods: periods)
        } catch {
            throw CommandFailure(error, otherwise: .evaluation)
        }
    }

    /// The day `--as-of` names (an ISO date), or today (UTC) when it is not given. Read before
    /// the workspace is opened: a date does not depend on the workspace's calendar.
    ///
    /// - Throws: ``CommandFailure`` of kind `usage` for anything but a date.
    static func asOf(_ argument: String?) throws(CommandFailure) -> Int32 {
        guard let argument else { return CivilDate.today }
        guard let day = ScorePeriods.day(argument) else {
            throw CommandFailure.usage(tr("--as-of %@: expected a date such as 2017-10-15", argument))
        }
        return day
    }

    /// The period `--period` names, as `score` reads it (MTD, QTD, YTD relative to the as-of day).
    ///
    /// - Throws: ``CommandFailure`` of kind `usage` for a period that does not parse.
    func period(_ text: String, asOf: Int32) throws(CommandFailure) -> Period {
        do {
            return try ScorePeriods.period(text, asOf: asOf, calendar: workspace.calendar)
        } catch {
            throw CommandFailure(error, otherwise: .usage)
        }
    }

    /// Lists a report's indicator failures on standard error, grouped as `run` does; true when
    /// there were any.
    static func reportFailures(_ report: ScoreReport) -> Bool {
        guard !report.failures.isEmpty else { return false }
        for line in FailureSummary(report.failures).lines() { printError(tr("error: %@", line)) }
        return true
    }
}
