import ArgumentParser
import Foundation
import YardstickData
import YardstickEngine
import YardstickSQLite

/// `yardstick history`: the figures recorded by `run --record` and `score --record`, as trends
/// across periods.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show recorded figures across periods (trends) from the workspace's history.",
        discussion: """
            Figures are recorded by `run --record` and `score --record` in .yardstick/history.sqlite. \
            Each series (subject, indicator, model and version) is listed oldest period first, with \
            the change from the series' previous period. A model's total score is the indicator @total.
            """)

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: "Only this subject's figures (its id).")
    var subject: String?

    @Option(help: "Only this indicator's figures (its id; @total for a model's total score).")
    var indicator: String?

    @Option(help: "Only figures recorded by `score --record` for this model (\"\" for `run --record`).")
    var model: String?

    @Option(help: "Only subjects of this grain (user, team, …).")
    var per: String?

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @Option(help: "Write the output to this file (atomically) instead of standard output.")
    var out: String?

    func run() throws {
        let path = HistoryStore.path(ofWorkspace: workspaceOptions.directory)
        let points: [HistoryPoint]
        do {
            points = try HistoryStore.existing(path: path).results(
                matching: HistoryQuery(subject: subject, indicator: indicator, model: model, grain: per))
        } catch {
            throw CommandFailure(.data, cause: error)
        }
        let rows = HistoryTrendRow.rows(points)
        let text: String
        switch format {
        case .table: text = HistoryTrendRow.table(rows)
        case .csv: text = HistoryTrendRow.csv(rows)
        case .json: text = HistoryTrendRow.json(rows)
        }
        if let out {
            do {
                try AtomicFile.write(Array(text.utf8), to: out)
            } catch {
                throw CommandFailure(error, otherwise: .output)
            }
        } else {
            try? FileHandle.standardOutput.write(contentsOf: Array(text.utf8))
        }
    }
}
