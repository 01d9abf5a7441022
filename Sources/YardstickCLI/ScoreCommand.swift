import ArgumentParser
import Foundation
import LuaRuntime
import YardstickData
import YardstickEngine
import YardstickLocalization
import YardstickQuery
import YardstickScorecard
import YardstickXLSX

/// `yardstick score`: scores a scorecard model's subjects (and its rollups) over periods.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score people and teams with a scorecard model: totals, grades, ranks, rollups and alerts.",
        discussion: """
            Periods: every form `run` takes (2017-10, 2017-Q4, FY2017, 2017-10-01..2017-10-15), \
            and MTD, QTD, YTD: the month, quarter or year containing --as-of, to date. A period \
            still running on the as-of day is scored to date (its window ends on the as-of day) \
            against the whole period's targets, and compared with as many days of the previous \
            period (环比) and of the same period last year (同比).
            Exit codes: 0 all scored, 1 some indicators failed (the report is still written, \
            their values missing with the error; the errors are listed on standard error), 2 \
            usage, workspace, data or model error.
            """)

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: "The model: its id, or a model file (default: the workspace's only model).")
    var model: String?

    @Option(help: "The period to score, or MTD, QTD, YTD (default: the last full month before --as-of).")
    var period: String?

    @Option(name: .customLong("period-range"), help: "Score every period from FIRST..LAST.")
    var periodRange: String?

    @Option(name: .customLong("as-of"), help: "The day taken as today, YYYY-MM-DD (default: today).")
    var asOf: String?

    @Option(
        help:
            "Grains to report, comma-separated: the model's own and rollups among team, department, company (default: the model's and its rollups)."
    )
    var per: String?

    @Option(help: "Output format: \(Self.formats.joined(separator: ", ")).")
    var format: String = "table"

    @Option(help: "Write the output to this file (atomically) instead of standard output.")
    var out: String?

    @Flag(
        inversion: .prefixedNo,
        help:
            "Compare every indicator with the previous period (环比) and the same period last year (同比); --no-comparisons evaluates only the scored windows (as fast as `run`)."
    )
    var comparisons = true

    @Option(help: "Also write a run manifest (data fingerprint, file hashes, options, results digest) to this file.")
    var manifest: String?

    @Option(
        name: .customLong("verify-manifest"),
        help: "Re-run and compare with the manifest recorded in this file (exit 1 when anything differs).")
    var verifyManifest: String?

    @OptionGroup var lenientOptions: LenientOptions

    @OptionGroup var limitOptions: LimitOptions

    @OptionGroup var cacheOptions: CacheOptions

    @OptionGroup var packOptions: PackOptions
    @OptionGroup var recordOptions: RecordOptions
    @OptionGroup var terminalOptions: TerminalOptions

    func run() throws {
        let directory = workspaceOptions.directory
        try lenientOptions.validateCombination()
        let order = try terminalOptions.order()
        guard var writer = Self.writer(for: format) else {
            throw CommandFailure.usage(
                tr("--format %@: expected one of %@", format, Self.formats.joined(separator: ", ")))
        }
        try BinaryOutput.check(formatID: writer.formatID, isText: writer.isText, out: out)
        let day: Int32
        if let asOf {
            guard let parsed = ScorePeriods.day(asOf) else {
                throw CommandFailure.usage(tr("--as-of %@: expected a date, YYYY-MM-DD", asOf))
            }
            day = parsed
        } else {
            day = CivilDate.today
        }
        let bar = terminalOptions.progressBar()
        let (workspace, dataset): (Workspace, Dataset)
        do {
            defer { bar.clear() }
            (workspace, dataset) = try WorkspaceLoading.load(
                directory, lenient: lenientOptions.lenient, rejects: lenientOptions.rejects,
                cache: cacheOptions.usesCache, progress: bar.loadProgress,
                reach: { workspace in readWindows(workspace, asOf: day) })
        }
        let periods: [Period]
        do {
            periods = try ScorePeriods.periods(
                period: period, range: periodRange, asOf: day, calendar: workspace.calendar)
        } catch {
            throw CommandFailure(.usage, cause: error)
        }
        let selection = try packOptions.selection(indicators: nil, workspace: workspace)
        let packModels = try packOptions.models(workspace: workspace)
        let models: ScorecardModels
        var definition: ScorecardDefinition
        do {
            models = try ScorecardModels.load(workspace: directory, packs: packModels)
            definition = try models.model(model, workspace: directory)
        } catch {
            throw CommandFailure(.workspace, cause: error)
        }
        let includesSubjects: Bool
        if let per {
            let grains = try Self.grains(per, model: definition)
            includesSubjects = grains.contains(definition.per)
            definition.rollups = grains.filter { $0 != definition.per }
        } else {
            includesSubjects = true
        }
        var evaluator = Evaluator(
            engine: QueryEngine(dataset: dataset), workspace: workspace, limits: limitOptions.limits, today: day)
        evaluator.progress = bar.evaluationProgress
        var report: ScoreReport
        var runner = ScorecardRunner(evaluator: evaluator, selection: selection, definition: definition, asOf: day)
        runner.comparesPeriods = comparisons
        do {
            defer { bar.clear() }
            report = try runner.score(periods: periods)
        } catch {
            throw CommandFailure(.evaluation, cause: error)
        }
        if let id = order?.indicatorID, !LeaderboardOrder.knows(id, report: report) {
            throw CommandFailure.usage(
                tr(
                    "--sort %@: expected name, total, or an indicator or dimension of the model (indicators: %@)", id,
                    report.indicators.map(\.id).joined(separator: ", ")))
        }
        if writer is ScoreTableWriter {
            writer = ScoreTableWriter(order: order, width: terminalOptions.leaderboardWidth(out: out))
        } else if writer is ScoreMarkdownWriter {
            writer = ScoreMarkdownWriter(order: order)
        }
        if !includesSubjects {
            for index in report.periods.indices { report.periods[index].subjects = [] }
        }
        // The report is not freed when the command returns: the process ends then, and freeing
        // every subject's scorecard object by object took ~0.1 s on one core at 1,000 users ×
        // 24 months (as clang's -disable-free skips freeing at exit).
        defer { KeptUntilExit.keep(report) }
        do {
            if let csv = writer as? ScoreCSVWriter {
                // The CSV is streamed in its pieces (a header, then a period's rows each), never
                // joined or held whole; writing stops at the first piece that cannot be written.
                if let out {
                    try AtomicFile.write(to: out) { write in csv.write(report, to: write) }
                } else {
                    _ = csv.write(report) { piece in (try? FileHandle.standardOutput.write(contentsOf: piece)) != nil }
                }
            } else {
                // The HTML report draws each subject's total over the periods recorded in the
                // history (`score --record`, docs/history.md).
                let bytes =
                    writer is ScoreHTMLWriter
                    ? ScoreHTMLWriter(trends: HistoryRecording.trends(model: definition.id, workspace: directory))
                        .write(report, locale: workspace.locale)
                    : writer.write(report, locale: workspace.locale)
                if let out {
                    try AtomicFile.write(bytes, to: out)
                } else {
                    try? FileHandle.standardOutput.write(contentsOf: bytes)
                }
            }
        } catch {
            throw CommandFailure(error, otherwise: .output)
        }
        if recordOptions.record { try HistoryRecording.record(report, workspace: directory) }
        if manifest != nil || verifyManifest != nil {
            let csv = ScoreReportWriters.writer(for: "csv").map { $0.write(report, locale: workspace.locale) } ?? []
            let current = try ScoreManifestFile.manifest(
                workspace: workspace, models: models, definition: definition, selection: selection,
                periods: periods, asOf: day, grains: (includesSubjects ? [definition.per] : []) + definition.rollups,
                limits: limitOptions.limits, csv: csv)
            if let manifest { try ScoreManifestFile.write(current, to: manifest) }
            if let verifyManifest, try !ScoreManifestFile.verify(current, against: verifyManifest) {
                throw CommandFailure.findings
            }
        }
        if !report.failures.isEmpty {
            for line in FailureSummary(report.failures).lines() { printError(tr("error: %@", line)) }
            throw CommandFailure.findings
        }
    }

    /// The formats `score` offers: the library's text formats and the `xlsx` workbook.
    static let formats = ScoreReportWriters.formats + [XLSXScoreWriter().formatID]

    /// The writer of a format id (case-insensitive), or nil.
    static func writer(for format: String) -> (any ScoreReportWriter)? {
        if let writer = ScoreReportWriters.writer(for: format) { return writer }
        return format.lowercased() == "xlsx" ? XLSXScoreWriter() : nil
    }

    /// The grains of `--per`: the model's own grain and any coarser one (team, department,
    /// company; none for an entity grain).
    static func grains(_ text: String, model: ScorecardDefinition) throws(CommandFailure) -> [Grain] {
        var grains: [Grain] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            // An entity grain (product, supplier…) has no hierarchy to roll up into.
            let rollups = (Grain.people + [.account]).contains(model.per) ? [Grain.team, .department, .company] : []
            let allowed = [model.per] + rollups.filter { $0 != model.per }
            guard let grain = allowed.first(where: { $0.rawValue == name }) else {
                throw CommandFailure.usage(
                    tr(
                        "--per %@: expected the model's grain or a rollup, one of %@", name,
                        allowed.map(\.rawValue).joined(separator: ", ")))
            }
            if !grains.contains(grain) { grains.append(grain) }
        }
        return grains
    }

    /// The rows of each entity this score needs (``EntityReadWindows``), for a workspace that
    /// reads PostgreSQL: the scored periods with the previous period and the same period last
    /// year of each (the comparisons and target functions read them), for every indicator of
    /// the workspace and its packs, at the model's grain and those of `--per`; nil (read
    /// everything) when the arguments or the model are not valid,
    /// which the run then reports.
    func readWindows(_ workspace: Workspace, asOf day: Int32) -> EntityReadWindows? {
        guard
            let scored = try? ScorePeriods.periods(
                period: period, range: periodRange, asOf: day, calendar: workspace.calendar),
            let selection = try? packOptions.selection(indicators: nil, workspace: workspace),
            let packModels = try? packOptions.models(workspace: workspace),
            let definition = try? ScorecardModels.load(workspace: workspaceOptions.directory, packs: packModels)
                .model(model, workspace: workspaceOptions.directory)
        else { return nil }
        let periods = scored.flatMap { [$0, $0.previous, $0.samePeriodLastYear] }
        var grains = [definition.per]
        if let per, let chosen = try? Self.grains(per, model: definition) { grains += chosen }
        return EntityReadWindows(workspace: workspace, selection: selection, periods: periods, grains: grains)
    }
}

/// Values kept alive until the process exits, never freed: freeing a large report just before
/// exiting only costs time.
private final class KeptUntilExit<Value>: @unchecked Sendable {
    private let value: Value

    private init(_ value: Value) {
        self.value = value
    }

    /// Keeps `value` (one more reference that is never released).
    static func keep(_ value: Value) {
        _ = Unmanaged.passRetained(KeptUntilExit(value))
    }
}
