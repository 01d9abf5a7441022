import ArgumentParser
import Foundation
import YardstickData
import YardstickEngine
import YardstickQuery

/// `yardstick explain`: one indicator's value for one subject and period, the queries behind
/// it in words, and the records they selected.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how one indicator's value was computed: queries, record counts and records.")

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Argument(help: "The indicator id.")
    var indicator: String

    @Option(help: "The subject id (a user, team, department, account, or \"company\").")
    var subject: String

    @Option(help: "The period, as for run.")
    var period: String

    @Option(help: "The subject's grain: user, team, department, company or account.")
    var per: String = "user"

    @Option(help: "An indicators folder or file (default: indicators/).")
    var indicators: String?

    @Option(help: "How many records to show per query.")
    var records: Int = 10

    @OptionGroup var limitOptions: LimitOptions

    func run() throws {
        let directory = workspaceOptions.directory
        let (workspace, dataset) = try WorkspaceLoading.load(directory, lenient: true, listsSkippedRows: false)
        let explanation: Explanation
        do {
            let period = try Period.parse(self.period, calendar: workspace.calendar)
            guard let grain = Grain(rawValue: per) else { throw CommandFailure.usage("--per \(per): unknown grain") }
            let selection = try IndicatorDiscovery.selection(argument: indicators, workspace: directory)
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
}
