import ArgumentParser
import Foundation
import YardstickData
import YardstickEngine
import YardstickScorecard

/// `yardstick compare-models`: scores the same data under two models and reports how each
/// subject's total, grade and rank moved, and why.
struct CompareModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare-models",
        abstract: "Score one period under two models and show the rank changes and their causes.",
        discussion: """
            OLD and NEW are model ids of the workspace or model files. Per subject: total, grade \
            and rank under each, the rank change, and the indicators whose contributions changed \
            most; then what changed between the definitions (weights, targets, functions), the \
            subjects only one model scores, and a summary (moves up and down, mean |rank \
            change|, Spearman's rank correlation of the totals). Exit codes: 0 done, 1 some \
            indicators failed (output still written), 2 usage, workspace or model error.
            """)

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Argument(help: "The old model: an id or a model file.")
    var old: String

    @Argument(help: "The new model: an id or a model file.")
    var new: String

    @Option(help: "The period to score, as for run.")
    var period: String

    @Option(name: .customLong("as-of"), help: "The day taken as today (default: today).")
    var asOf: String?

    @Option(help: "Output format: table, json or csv.")
    var format: Format = .table

    @Option(help: "Write the output to this file (atomically) instead of standard output.")
    var out: String?

    @Option(help: "An indicators folder or file (default: indicators/).")
    var indicators: String?

    @Flag(help: "Skip rows with bad values (counted on standard error) instead of failing, as run --lenient.")
    var lenient = false

    @OptionGroup var limitOptions: LimitOptions

    @OptionGroup var cacheOptions: CacheOptions

    @OptionGroup var packOptions: PackOptions

    func run() throws {
        let asOf = try ModelScoring.asOf(self.asOf)
        let scoring = try ModelScoring(
            directory: workspaceOptions.directory, indicators: indicators, limits: limitOptions, lenient: lenient,
            cache: cacheOptions.usesCache, packs: packOptions)
        let period = try scoring.period(self.period, asOf: asOf)
        let oldReport = try scoring.score(model: old, periods: [period], asOf: asOf)
        let newReport = try scoring.score(model: new, periods: [period], asOf: asOf)
        let comparison: ModelComparison
        do {
            comparison = try ModelComparison(old: oldReport, new: newReport, periodLabel: period.label)
        } catch {
            throw CommandFailure(error, otherwise: .evaluation)
        }
        let text: String
        switch format {
        case .table: text = comparison.table(locale: scoring.workspace.locale)
        case .json: text = comparison.json()
        case .csv: text = comparison.csv()
        }
        if let out {
            do {
                try AtomicFile.write(text, to: out)
            } catch {
                throw CommandFailure(error, otherwise: .output)
            }
        } else {
            print(text, terminator: "")
        }
        let oldFailed = ModelScoring.reportFailures(oldReport)
        let newFailed = ModelScoring.reportFailures(newReport)
        if oldFailed || newFailed { throw CommandFailure.findings }
    }
}
