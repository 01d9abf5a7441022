import YardstickQuery

/// How a run evaluated its figures and queries: which evaluation path computed each figure,
/// how the queries ran, and how long discovery took.
///
/// Every path gives the same values (the tests compare them); the paths differ in speed only,
/// so these figures are how a run shows that the fast ones were taken (see
/// docs/decisions/0003-indicator-api.md and docs/run-output.md). `yardstick run --timings`
/// prints them. Counted per worker and merged at the end of the run.
public struct EvaluationStatistics: Sendable, Equatable {
    /// The run's figures by path, all indicators together (the sum of
    /// ``figuresByIndicator``).
    public var figures: FigurePaths { figuresByIndicator.values.reduce(FigurePaths(), +) }
    /// The figures of each indicator by path, by indicator id (indicators that ran only).
    public var figuresByIndicator: [String: FigurePaths]
    /// Aggregates computed once for every subject of a partition (the subjects of a grain that
    /// split the users or accounts between them), each for all the run's periods at once (or for
    /// one shifted period, `s.previous`). Shown as "grouped" by `--timings`.
    public var partitionQueries: Int
    /// Of ``partitionQueries``, those the prefill computed before the indicators ran.
    public var partitionQueriesAhead: Int
    /// Queries (aggregates and row lists) run for one subject at a time: the company, a grain
    /// with a single subject, or any grain when partition runs are off.
    public var subjectQueries: Int
    /// The aggregates the discovery pass found the indicators asking for.
    public var discoveredQueries: Int
    /// Wall-clock seconds of the discovery pass (one subject per grain evaluated with
    /// placeholder query values).
    public var discoverySeconds: Double
    /// Wall-clock seconds spent computing the discovered aggregates ahead, in parallel.
    public var prefillSeconds: Double
    /// The breakdown figures (one per indicator, subject, member and period, reported or not)
    /// by evaluation path: column mode when a straight-line indicator ran once for every
    /// subject × member cell of a grain and period.
    public var breakdownFigures = FigurePaths()
    /// Queries a breakdown ran for one subject × member at a time (zero when every grain's cells
    /// shared their queries' values).
    public var breakdownSubjectQueries = 0
    /// Figures of peer-bins indicators (`quantile_bins`, `threshold_bins`), which the host
    /// computed from their base indicator's figures without running Lua; 0 when the run has
    /// none.
    public var peerBinFigures = 0
    /// The evaluation stages of a run with peer bins (1 when no indicator read a bin, 2 when
    /// some read bins of plain indicators…); 0 for a run without peer bins, which has one.
    public var evaluationStages = 0
    /// The figures of indicators that read peer bins before the bins were computed, in the
    /// stages that deferred them to a later one, by the path that found them pending: a column
    /// run finds a whole grain pending at once, the per-subject paths one subject at a time.
    /// Not in ``figuresByIndicator``, which counts each indicator's last stage.
    public var deferredFigures = FigurePaths()
    /// Columns that column runs computed with `+`, `-`, `*` or `/` in the host, every subject's
    /// element at once, instead of as Lua values one element at a time (0 when no column run
    /// did arithmetic on query columns).
    public var hostArithmeticColumns = 0
    /// How key views were computed (all zero when the run read none).
    public var keyViews = KeyViewStatistics()
    /// Figures taken from column runs a whole unit of subjects at a time (an indicator whose
    /// column has no failure there), rather than subject by subject: the fast path of
    /// ``SubjectWorker``, which tests check is taken.
    var columnFiguresCopied = 0

    /// Creates statistics.
    public init(
        figuresByIndicator: [String: FigurePaths] = [:],
        partitionQueries: Int = 0, partitionQueriesAhead: Int = 0, subjectQueries: Int = 0, discoveredQueries: Int = 0,
        discoverySeconds: Double = 0, prefillSeconds: Double = 0
    ) {
        self.figuresByIndicator = figuresByIndicator
        self.partitionQueries = partitionQueries
        self.partitionQueriesAhead = partitionQueriesAhead
        self.subjectQueries = subjectQueries
        self.discoveredQueries = discoveredQueries
        self.discoverySeconds = discoverySeconds
        self.prefillSeconds = prefillSeconds
    }

    /// Adds a stage's statistics: its counts, and the figures of `ids` by path (the figures
    /// of the indicators it evaluated last).
    mutating func add(_ stage: EvaluationStatistics, for ids: Set<String>) {
        for (id, paths) in stage.figuresByIndicator where ids.contains(id) { figuresByIndicator[id] = paths }
        partitionQueries = stage.partitionQueries
        partitionQueriesAhead += stage.partitionQueriesAhead
        subjectQueries += stage.subjectQueries
        hostArithmeticColumns += stage.hostArithmeticColumns
        columnFiguresCopied += stage.columnFiguresCopied
        keyViews = stage.keyViews
        discoveredQueries += stage.discoveredQueries
        discoverySeconds += stage.discoverySeconds
        prefillSeconds += stage.prefillSeconds
    }
}
