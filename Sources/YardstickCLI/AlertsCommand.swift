import ArgumentParser
import Foundation
import YardstickData
import YardstickEngine
import YardstickLocalization
import YardstickQuery
import YardstickScorecard
import YardstickXLSX

/// `yardstick alerts`: scores a model for one period as of a day and lists its alerts —
/// milestones reached, subjects behind pace, period-end reminders.
struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "List a scorecard model's alerts for a period: milestones, behind pace, period-end reminders.",
        discussion: """
            Scores the model as `yardstick score` does, as of --as-of (default today), and lists \
            every alert of the period for its subjects and rollup units: who, which target, where \
            they stand and what each remaining day needs. Periods: every form `run` takes, and \
            MTD, QTD, YTD for the month, quarter or (fiscal) year containing --as-of (the default is the \
            month containing it). A model that declares no `alerts` gets the defaults (marks at \
            50, 80, 100 and 120 %, pace on calendar days with a 10 % tolerance), said on standard \
            error. --kind behind-pace,period-end keeps only those kinds. See docs/alerts.md.
            Exit codes: 0 written (alerts are not failures), 1 some indicators failed (alerts \
            still written, errors listed on standard error), 2 usage, workspace or model error.
            """)

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, md, xlsx
    }

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: "The model: an id among the workspace's models, or a model file (default: the only model).")
    var model: String?

    @Option(help: "The period (default: the month containing --as-of); MTD, QTD, YTD: to date.")
    var period: String?

    @Option(name: .customLong("as-of"), help: "The day taken as today, YYYY-MM-DD (default: today, UTC).")
    var asOf: String?

    @Option(help: "Only these kinds, comma-separated: milestone, behind-pace, period-end (default: all).")
    var kind: String?

    @Option(help: "Output format: table, json, csv, md or xlsx (xlsx needs --out or a redirect).")
    var format: Format = .table

    @Option(help: "Write the output to this file (atomically) instead of standard output.")
    var out: String?

    @OptionGroup var limitOptions: LimitOptions

    @OptionGroup var cacheOptions: CacheOptions

    @OptionGroup var packOptions: PackOptions

    func run() throws {
        try BinaryOutput.check(formatID: format.rawValue, isText: format != .xlsx, out: out)
        let directory = workspaceOptions.directory
        let (workspace, dataset) = try WorkspaceLoading.load(
            directory, lenient: false, cache: cacheOptions.usesCache)
        let day: Int32
        let scoredPeriod: Period
        let selection: IndicatorSelection
        let kinds: Set<Alert.Kind>
        do {
            kinds = try Self.kinds(kind)
            day = try Self.asOfDay(asOf, calendar: workspace.calendar)
            scoredPeriod = try Self.period(period, asOf: day, calendar: workspace.calendar)
        } catch {
            throw CommandFailure(error, otherwise: .usage)
        }
        selection = try packOptions.selection(indicators: nil, workspace: workspace)
        let packModels = try packOptions.models(workspace: workspace)
        var definition: ScorecardDefinition
        do {
            definition = try ScorecardModels.load(workspace: directory, packs: packModels).model(
                model, workspace: directory)
        } catch {
            throw CommandFailure(.workspace, cause: error)
        }
        if definition.alerts == nil {
            printError(
                tr(
                    "note: model %@ declares no alerts; using the defaults (marks 50, 80, 100, 120 %%, pace with a 10 %% tolerance)",
                    definition.id))
            definition.alerts = AlertSettings(pace: PaceSettings())
        }
        let evaluator = Evaluator(
            engine: QueryEngine(dataset: dataset), workspace: workspace, limits: limitOptions.limits)
        var report: ScoreReport
        do {
            report = try ScorecardRunner(evaluator: evaluator, selection: selection, definition: definition, asOf: day)
                .score(periods: [scoredPeriod])
        } catch {
            throw CommandFailure(.evaluation, cause: error)
        }
        // The runner raised the alerts of `definition.alerts` (the defaults when the model has
        // none); keep the kinds asked for.
        for index in report.periods.indices {
            report.periods[index].alerts.removeAll { !kinds.contains($0.kind) }
        }
        let bytes =
            switch format {
            case .table: AlertsTableWriter().write(report, locale: workspace.locale)
            case .json: AlertsJSONWriter().write(report, locale: workspace.locale)
            case .csv: AlertsCSVWriter().write(report, locale: workspace.locale)
            case .md: AlertsMarkdownWriter().write(report, locale: workspace.locale)
            case .xlsx: XLSXAlertsWriter().write(report)
            }
        if let out {
            do {
                try AtomicFile.write(bytes, to: out)
            } catch {
                throw CommandFailure(error, otherwise: .output)
            }
        } else {
            try? FileHandle.standardOutput.write(contentsOf: bytes)
        }
        if !report.failures.isEmpty {
            for line in FailureSummary(report.failures).lines() { printError(tr("error: %@", line)) }
            throw CommandFailure.findings
        }
    }

    /// The kinds `--kind` keeps: every kind when not given.
    ///
    /// - Throws: ``CLIError`` naming an unknown kind and the known ones.
    static func kinds(_ text: String?) throws -> Set<Alert.Kind> {
        guard let text else { return Set(Alert.Kind.allCases) }
        var kinds: Set<Alert.Kind> = []
        for name in text.split(separator: ",") {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let kind = Alert.Kind(rawValue: trimmed) else {
                let known = Alert.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                throw CLIError(tr("--kind %@: expected one of %@", trimmed, known))
            }
            kinds.insert(kind)
        }
        return kinds
    }

    /// The `--as-of` day: a date (`2017-10-20`), or today (UTC) when not given.
    ///
    /// - Throws: ``CLIError`` when the text is not a single date.
    static func asOfDay(_ text: String?, calendar: CalendarSettings) throws -> Int32 {
        guard let text else { return CivilDate.today }
        guard let day = ScorePeriods.day(text) else {
            throw CLIError(tr("--as-of %@: expected a date such as 2017-10-20", text))
        }
        return day
    }

    /// The period alerts are raised for: as `score` reads `--period` (MTD, QTD, YTD relative to
    /// the as-of day), or by default the month containing the as-of day.
    static func period(_ text: String?, asOf day: Int32, calendar: CalendarSettings) throws -> Period {
        try ScorePeriods.period(text ?? "MTD", asOf: day, calendar: calendar)
    }
}
