import ArgumentParser
import Foundation
import YardstickData
import YardstickEngine
import YardstickLocalization
import YardstickQuery
import YardstickScorecard

/// `yardstick explain`: one indicator's value for one subject and period, the queries behind
/// it in words, and the records they selected; with `--model`, the whole path of a subject's
/// scorecard total, followed by the records behind each indicator.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how one indicator's value was computed: queries, record counts and records.",
        discussion: """
            With --model ID (or a model file) the indicator is optional: the command explains the \
            subject's total under the model — each indicator's value, target and tier, \
            completion, scoring function, score, weight, share and contribution, the dimension \
            subtotals, grade and rank — then shows the records behind each indicator (or only \
            the indicator given). --records 0 leaves the records out.
            """)

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Argument(help: "The indicator id (optional with --model).")
    var indicator: String?

    @Option(help: "The subject id (a user, team, department, account, or \"company\").")
    var subject: String

    @Option(help: "The period, as for run.")
    var period: String

    @Option(
        help:
            "The subject's grain: user, team, department, company or account (default: user; with --model, the model's grain; a coarser grain the model rolls up explains that unit)."
    )
    var per: String?

    @Option(help: "Explain the subject's total under this scorecard model (an id, or a model file).")
    var model: String?

    @Option(name: .customLong("as-of"), help: "With --model: the day taken as today (default: today).")
    var asOf: String?

    @Option(help: "An indicators folder or file (default: indicators/).")
    var indicators: String?

    @Option(help: "How many records to show per query.")
    var records: Int = 10

    @OptionGroup var limitOptions: LimitOptions

    @OptionGroup var cacheOptions: CacheOptions

    @OptionGroup var packOptions: PackOptions

    func run() throws {
        if model != nil {
            try explainModel()
            return
        }
        guard let indicator else {
            throw CommandFailure.usage(tr("give an indicator id, or --model ID to explain a scorecard total"))
        }
        if asOf != nil { throw CommandFailure.usage(tr("--as-of applies to --model only")) }
        let directory = workspaceOptions.directory
        let (workspace, dataset) = try WorkspaceLoading.load(
            directory, lenient: true, listsSkippedRows: false, cache: cacheOptions.usesCache)
        let explanation: Explanation
        let grain: Grain
        do {
            grain = try SubjectGrains(workspace: workspace).require(self.per ?? "user", what: "--per")
        } catch {
            throw CommandFailure.usage(error.message)
        }
        do {
            let period = try Period.parse(self.period, calendar: workspace.calendar)
            let selection = try packOptions.selection(indicators: indicators, workspace: workspace)
            let evaluator = Evaluator(
                engine: QueryEngine(dataset: dataset), workspace: workspace, limits: limitOptions.limits)
            explanation = try evaluator.explain(
                indicator: indicator, subjectID: subject, grain: grain, period: period, sets: selection.sets)
        } catch {
            throw CommandFailure(error, otherwise: .evaluation)
        }
        print(ExplanationRenderer.render(explanation, dataset: dataset, records: records, locale: workspace.locale))
        if case .failed = explanation.value { throw CommandFailure.findings }
    }

    /// `explain --model`: the scorecard path of the subject's total, then the records.
    private func explainModel() throws(CommandFailure) {
        let asOf = try ModelScoring.asOf(self.asOf)
        let scoring = try ModelScoring(
            directory: workspaceOptions.directory, indicators: indicators, limits: limitOptions, lenient: true,
            cache: cacheOptions.usesCache, packs: packOptions)
        let period = try scoring.period(self.period, asOf: asOf)
        let report = try scoring.score(model: model, periods: [period], asOf: asOf)
        let grain: Grain
        if let per {
            do {
                grain = try SubjectGrains(workspace: scoring.workspace).require(per, what: "--per")
            } catch {
                throw CommandFailure.usage(error.message)
            }
        } else {
            grain = report.definition.per
        }
        let locale = scoring.workspace.locale
        let scored: [String]
        let window: Period
        do {
            if grain == report.definition.per {
                let explanation = try ScoreExplanation(report: report, subjectID: subject, periodLabel: period.label)
                print(explanation.text(locale: locale))
                scored = explanation.indicatorIDs
                window = explanation.window
            } else {
                let explanation = try RollupExplanation(
                    report: report, subjectID: subject, grain: grain, periodLabel: period.label)
                print(explanation.text(locale: locale))
                scored = explanation.rollup.figures.map(\.indicatorID)
                window = explanation.window
            }
        } catch {
            throw CommandFailure(.usage, cause: error)
        }
        if let indicator, !scored.contains(indicator) {
            throw CommandFailure.usage(
                tr(
                    "model %@ does not score %@ (it scores %@)", report.definition.id, indicator,
                    scored.joined(separator: ", ")))
        }
        var failed = false
        if records > 0, window.firstDay <= window.lastDay {
            for id in indicator.map({ [$0] }) ?? scored {
                print("\n" + recordsHeading(id, locale: locale))
                do {
                    let records = try scoring.evaluator.explain(
                        indicator: id, subjectID: subject, grain: grain, period: window, sets: scoring.selection.sets)
                    print(
                        ExplanationRenderer.render(
                            records, dataset: scoring.dataset, records: self.records, locale: locale))
                    if case .failed = records.value { failed = true }
                } catch {
                    printError(tr("error: %@: %@", id, error))
                    failed = true
                }
            }
        }
        let subjectFailures = report.failures.filter { $0.subjectID == nil || $0.subjectID == subject }
        if !subjectFailures.isEmpty {
            for line in FailureSummary(subjectFailures).lines() { printError(tr("error: %@", line)) }
            failed = true
        }
        if failed { throw CommandFailure.findings }
    }

    private func recordsHeading(_ id: String, locale: String) -> String {
        let title = locale.lowercased().hasPrefix("zh") ? "记录：\(id)" : "Records behind \(id)"
        return "── \(title) " + String(repeating: "─", count: max(3, 60 - DisplayWidth.of(title)))
    }
}
