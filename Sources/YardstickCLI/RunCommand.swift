import ArgumentParser
import Foundation
import LuaRuntime
import YardstickData
import YardstickEngine
import YardstickLocalization
import YardstickPostgres
import YardstickQuery

/// `yardstick run`: evaluates indicators for every subject and period.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Evaluate indicators per user, team, department or company over one or more periods.",
        discussion: """
            Periods: 2026-10, 2026-Q3, 2026-H1, 2026, 2026-W05, 2026-10-31, FY2026, FY2026-Q1, \
            2026-01-01..2026-03-31. --period-range takes two periods of the same kind \
            (2026-01..2026-06) and evaluates each.
            Exit codes: 0 all computed, 1 some indicators failed (results still written, errors \
            listed on standard error, the same error of an indicator once with the number of \
            subjects), 2 usage or workspace error.
            """)

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: "The period to evaluate (default: the last full month).")
    var period: String?

    @Option(name: .customLong("period-range"), help: "Evaluate every period from FIRST..LAST.")
    var periodRange: String?

    @Option(help: "An indicators folder or file, or indicator ids, comma-separated (default: indicators/).")
    var indicators: String?

    @Option(
        help:
            "Grains, comma-separated: user, team, department, company, account, campaign, product, queue or an entity the workspace declares in [subjects] (default: user, and the grains the indicators declare with per)."
    )
    var per: String?

    @Option(
        help:
            "Also break every indicator down by these dimensions, comma-separated: field paths (product.family) or cohort:KEY:FIRST[:month|quarter|year]."
    )
    var by: String?

    @Option(help: "Output format: \(ReportFormatArgument.registry.formatList).")
    var format: ReportFormatArgument = ReportFormatArgument(formatID: "table")

    @Option(help: "Write the output to this file (atomically) instead of standard output.")
    var out: String?

    @OptionGroup var lenientOptions: LenientOptions

    @Flag(
        help:
            "Print load and evaluation times and how the figures were evaluated (column mode, per subject, queries grouped) on standard error, and add them to --format json as `evaluation`."
    )
    var timings = false

    @OptionGroup var limitOptions: LimitOptions

    @OptionGroup var cacheOptions: CacheOptions

    @OptionGroup var packOptions: PackOptions
    @OptionGroup var recordOptions: RecordOptions
    @OptionGroup var terminalOptions: TerminalOptions

    @Flag(
        help:
            "Keep running: evaluate again whenever an indicator (any .lua file of the workspace) changes, with the tables already loaded, and load again when a data file or yardstick.toml changes. Ctrl-C stops."
    )
    var watch = false

    func run() throws {
        let directory = workspaceOptions.directory
        try lenientOptions.validateCombination()
        try BinaryOutput.check(formatID: format.formatID, isText: format.writer.isText, out: out)
        if watch {
            try RunWatcher(command: self, directory: directory).run()
            return
        }
        _ = try terminalOptions.order()
        let started = DispatchTime.now()
        let bar = terminalOptions.progressBar()
        let loaded: WorkspaceLoading.Loaded
        do {
            defer { bar.clear() }
            loaded = try WorkspaceLoading.loadReporting(
                directory, lenient: lenientOptions.lenient, rejects: lenientOptions.rejects,
                cache: cacheOptions.usesCache, progress: bar.loadProgress, reach: readWindows)
        }
        let loadSeconds = Self.seconds(started, DispatchTime.now())
        try evaluate(loaded, loadSeconds: loadSeconds)
    }

    /// Evaluates the selected indicators over loaded tables, writes the output, prints the
    /// timings and the failures.
    ///
    /// - Throws: ``CommandFailure``: `usage` for bad periods, grains or indicators,
    ///   `evaluation`, `output`, or `findings` when some figure failed (already reported).
    func evaluate(_ loaded: WorkspaceLoading.Loaded, loadSeconds: Double) throws(CommandFailure) {
        let workspace = loaded.workspace
        let directory = workspaceOptions.directory
        let evaluationStarted = DispatchTime.now()
        let periods: [Period]
        var grains: [Grain]
        let selection: IndicatorSelection
        do {
            periods = try PeriodArguments.periods(period: period, range: periodRange, calendar: workspace.calendar)
            let available = SubjectGrains(workspace: workspace)
            grains = try (per ?? "").split(separator: ",").map { name throws(EvaluationError) in
                try available.require(name.trimmingCharacters(in: .whitespaces), what: "--per")
            }
        } catch {
            throw CommandFailure(error, otherwise: .usage)
        }
        selection = try packOptions.selection(indicators: indicators, workspace: workspace)
        let order = try terminalOptions.order() ?? .name
        let bar = terminalOptions.progressBar()
        var evaluator = Evaluator(
            engine: QueryEngine(dataset: loaded.dataset), workspace: workspace, limits: limitOptions.limits)
        evaluator.progress = bar.evaluationProgress
        if per == nil {
            do {
                grains = try evaluator.defaultGrains(selection)
            } catch {
                throw CommandFailure(error, otherwise: .evaluation)
            }
        }
        do {
            evaluator.breakdowns = try BreakdownArgument.dimensions(by, engine: evaluator.engine)
        } catch {
            throw CommandFailure(error, otherwise: .usage)
        }
        let report: RunReport
        do {
            defer { bar.clear() }
            report = try evaluator.run(selection, periods: periods, grains: grains)
        } catch {
            throw CommandFailure(error, otherwise: .evaluation)
        }
        let finished = DispatchTime.now()
        if let id = order.indicatorID, !report.indicators.contains(where: { $0.id == id }) {
            throw CommandFailure.usage(
                tr(
                    "--sort %@: no such indicator in this run (indicators: %@)", id,
                    report.indicators.map(\.id).joined(separator: ", ")))
        }
        var options = ReportWriterOptions(
            locale: workspace.locale, includesErrors: out != nil, includesStatistics: timings)
        options.subjectOrder = order
        options.width = terminalOptions.tableWidth(out: out)
        let bytes = format.writer.write(report, options: options)
        if let out {
            do {
                try AtomicFile.write(bytes, to: out)
            } catch {
                throw CommandFailure(error, otherwise: .output)
            }
        } else {
            try? FileHandle.standardOutput.write(contentsOf: bytes)
        }
        if recordOptions.record { try HistoryRecording.record(report, workspace: directory) }
        if timings {
            let lines = TimingsBlock.lines(
                loadSeconds: loadSeconds, evalSeconds: Self.seconds(evaluationStarted, finished), report: report)
            for line in lines { printError(line) }
            if let outcome = loaded.cacheOutcome { printError(Self.cacheLine(outcome, of: loaded)) }
            for read in loaded.postgresReads.sorted(by: { $0.source < $1.source }) {
                printError(Self.postgresLine(read))
            }
        }
        // Any failed figure fails the run, and every failure is listed, grouped.
        let failedFigures = report.results.contains { $0.value.status == .failed }
        if !report.errors.isEmpty || failedFigures {
            for line in FailureSummary(report.errors).lines() { printError(tr("error: %@", line)) }
            if report.errors.isEmpty {
                let count = report.results.filter { $0.value.status == .failed }.count
                printError(
                    count == 1
                        ? tr("error: 1 figure failed (see the output)")
                        : tr("error: %@ figures failed (see the output)", count))
            }
            throw CommandFailure.findings
        }
    }

    /// The rows of each entity this run needs (``EntityReadWindows``), for a workspace that
    /// reads PostgreSQL; nil (read everything) when the arguments are not valid, which
    /// ``evaluate(_:loadSeconds:)`` then reports.
    func readWindows(_ workspace: Workspace) -> EntityReadWindows? {
        guard
            let periods = try? PeriodArguments.periods(
                period: period, range: periodRange, calendar: workspace.calendar),
            let selection = try? packOptions.selection(indicators: indicators, workspace: workspace)
        else { return nil }
        let available = SubjectGrains(workspace: workspace)
        var grains: [Grain] = []
        for name in (per ?? "").split(separator: ",") {
            guard let grain = try? available.require(name.trimmingCharacters(in: .whitespaces), what: "--per")
            else { return nil }
            grains.append(grain)
        }
        let cohort = (by ?? "").contains("cohort") ? "a cohort breakdown (--by)" : nil
        return EntityReadWindows(
            workspace: workspace, selection: selection, periods: periods, grains: grains, historyReason: cohort)
    }

    /// The `--timings` line of one read of a PostgreSQL table or query: its rows, the period
    /// pushed into its SQL if any, and how the rows traveled (`copy-binary` or
    /// `extended-query`).
    static func postgresLine(_ read: PostgresLoadStatistics.Read) -> String {
        var line = "postgres \(read.source): \(read.rows) rows"
        if read.windowed, let clause = read.sql.range(of: " WHERE ") {
            line += ", only WHERE " + read.sql[clause.upperBound...]
        } else {
            line += ", all history"
        }
        return line + " (\(read.transfer.rawValue))"
    }

    /// Seconds between two instants.
    static func seconds(_ start: DispatchTime, _ end: DispatchTime) -> Double {
        Double(end.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// The `--timings` line saying where the tables came from and what the cache cost.
    static func cacheLine(_ outcome: SnapshotCache.Outcome, of loaded: WorkspaceLoading.Loaded) -> String {
        func time(_ value: Double) -> String { String(format: "%.3f", value) }
        let seconds = loaded.cacheSeconds
        let hashed = loaded.hashedFiles == 1 ? "1 file hashed" : "\(loaded.hashedFiles) files hashed"
        let costs =
            "sources identified in \(time(seconds.identifying)) s (\(hashed)),"
            + " snapshot read in \(time(seconds.reading)) s"
        switch outcome {
        case .used:
            return "cache: tables read from the snapshot (\(costs))"
        case .written(let reason):
            return "cache: sources loaded and the snapshot written in \(time(seconds.writing)) s (\(reason); \(costs))"
        case .notWritten(let reason):
            return "cache: sources loaded, no snapshot written (\(reason))"
        }
    }
}
