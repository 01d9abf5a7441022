/// Everything one run produced: the periods, the indicators, their values and their errors.
///
/// Writers turn a report into CSV, JSON or a terminal table (see ``ReportWriter``). The
/// report holds no clock: ``generatedAt`` is passed in, so output is reproducible.
public struct RunReport: Sendable, Equatable {
    /// The workspace's name.
    public var workspace: String
    /// When the run happened, ISO 8601 (`2026-10-31T09:15:00Z`), supplied by the caller.
    public var generatedAt: String
    /// The periods evaluated, in the order requested.
    public var periods: [Period]
    /// The indicators evaluated, in the order they are shown.
    public var indicators: [IndicatorInfo]
    /// One value per period, subject and indicator, addressable by subject, indicator and
    /// period (see ``ResultTable``).
    public var results: ResultTable
    /// The figures per breakdown member (`breakdown = …`, `run --by`), after the overall
    /// figures in the outputs: dimension by dimension, then as ``results`` (period, grain,
    /// subject), each subject's members in label order; each has its ``IndicatorResult/breakdown``.
    /// Empty when nothing is broken down.
    public var breakdowns: [IndicatorResult] = []
    /// The evaluations that failed, with where.
    public var errors: [IndicatorFailure]
    /// How many evaluations of each indicator a limit (instructions, time, memory, stack)
    /// actually stopped. After the first, the indicator's remaining figures fail with the same
    /// error without running, so a count stays at most the number of evaluation workers
    /// however many subjects there are. Not written by the writers.
    public var limitStops: [String: Int]
    /// How the run evaluated its figures and queries (paths taken, discovery time), when an
    /// ``Evaluator`` made the report. Written only when asked for (`--timings`; see
    /// ``ReportWriterOptions/includesStatistics``), so that default outputs stay reproducible.
    public var statistics: EvaluationStatistics?

    /// Creates a report from figures in long-format order (see ``ResultTable``).
    public init(
        workspace: String, generatedAt: String, periods: [Period], indicators: [IndicatorInfo],
        results: [IndicatorResult], errors: [IndicatorFailure] = [], limitStops: [String: Int] = [:],
        statistics: EvaluationStatistics? = nil
    ) {
        self.init(
            workspace: workspace, generatedAt: generatedAt, periods: periods, indicators: indicators,
            results: ResultTable(results), errors: errors, limitStops: limitStops, statistics: statistics)
    }

    /// Creates a report.
    public init(
        workspace: String, generatedAt: String, periods: [Period], indicators: [IndicatorInfo],
        results: ResultTable, errors: [IndicatorFailure] = [], limitStops: [String: Int] = [:],
        statistics: EvaluationStatistics? = nil
    ) {
        self.workspace = workspace
        self.generatedAt = generatedAt
        self.periods = periods
        self.indicators = indicators
        self.results = results
        self.errors = errors
        self.limitStops = limitStops
        self.statistics = statistics
    }
}

/// What a report says about one indicator: its titles, unit, direction and where it is defined.
public struct IndicatorInfo: Sendable, Equatable {
    /// Which way is good for an indicator.
    public enum Better: String, Sendable, Codable, CaseIterable {
        /// Higher values are better (revenue, win rate).
        case higher
        /// Lower values are better (days to close, churn).
        case lower
    }

    /// The indicator's identifier (`win_rate`).
    public var id: String
    /// The English title (`Win rate`).
    public var title: String
    /// The Chinese title (`赢单率`), if the indicator has one.
    public var titleZH: String?
    /// What the value measures.
    public var unit: IndicatorUnit
    /// Which way is good.
    public var better: Better
    /// A sentence or two on what the indicator means.
    public var description: String
    /// The file the indicator is defined in, relative to the workspace.
    public var sourceFile: String

    /// Creates indicator information.
    public init(
        id: String, title: String, titleZH: String? = nil, unit: IndicatorUnit, better: Better = .higher,
        description: String = "", sourceFile: String
    ) {
        self.id = id
        self.title = title
        self.titleZH = titleZH
        self.unit = unit
        self.better = better
        self.description = description
        self.sourceFile = sourceFile
    }

    /// The title in `locale`: the Chinese title for `zh-CN` when there is one, else the English.
    public func title(locale: String) -> String {
        OutputLocale.isChinese(locale) ? titleZH ?? title : title
    }
}

/// An indicator evaluation that failed, with where in the script and for which subject and period.
public struct IndicatorFailure: Sendable, Equatable {
    /// The indicator that failed.
    public var indicatorID: String
    /// The subject it failed for, or nil when it failed for all (a load error, say).
    public var subjectID: String?
    /// The label of the period it failed for, or nil when it failed for all.
    public var periodLabel: String?
    /// The grain of the subject it failed for, or nil when it failed for all.
    public var grain: Grain?
    /// What went wrong, for the user.
    public var message: String
    /// The script file, relative to the workspace (`indicators/win_rate.lua`).
    public var file: String
    /// The line in ``file``, when known.
    public var line: Int?

    /// Creates a failure.
    public init(
        indicatorID: String, subjectID: String? = nil, periodLabel: String? = nil, grain: Grain? = nil,
        message: String, file: String, line: Int? = nil
    ) {
        self.indicatorID = indicatorID
        self.subjectID = subjectID
        self.periodLabel = periodLabel
        self.grain = grain
        self.message = message
        self.file = file
        self.line = line
    }

    /// Where the failure happened, `file:line` or just `file`.
    public var location: String {
        line.map { "\(file):\($0)" } ?? file
    }
}
