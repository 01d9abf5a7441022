/// How many figures each evaluation path computed.
///
/// Every figure is counted on exactly one path (``total`` is the number of figures);
/// ``failed`` and ``stoppedByLimits`` count, across the paths, the figures that failed.
public struct FigurePaths: Sendable, Equatable, Hashable {
    /// Taken from a column-mode run: the value function ran once for all subjects of a grain.
    public var columnMode: Int
    /// Evaluated per subject in one Lua call for all of the subject's indicators, with the
    /// values of the aggregates shared by the subjects of its partition passed in ahead.
    public var prefetched: Int
    /// Evaluated per subject in one Lua call for all of the subject's indicators, each query
    /// asked of the host when the script runs it (no shared values to pass in).
    public var perSubject: Int
    /// Evaluated on their own, one indicator per Lua call (after raising an error in the
    /// per-subject call, for its located error).
    public var alone: Int
    /// Not evaluated: a limit had already stopped the indicator in this run, or the worker
    /// could not start Lua.
    public var notRun: Int
    /// Figures that failed, on any path.
    public var failed: Int
    /// Of ``failed``, those a limit (instructions, time, memory, stack) stopped or that failed
    /// without running because a limit had stopped the indicator before.
    public var stoppedByLimits: Int

    /// Creates counts.
    public init(
        columnMode: Int = 0, prefetched: Int = 0, perSubject: Int = 0, alone: Int = 0, notRun: Int = 0,
        failed: Int = 0, stoppedByLimits: Int = 0
    ) {
        self.columnMode = columnMode
        self.prefetched = prefetched
        self.perSubject = perSubject
        self.alone = alone
        self.notRun = notRun
        self.failed = failed
        self.stoppedByLimits = stoppedByLimits
    }

    /// Every figure counted: the sum of the paths.
    public var total: Int { columnMode + prefetched + perSubject + alone + notRun }

    /// Counts `times` figures on `path`, with whether they failed and whether a limit stopped them.
    mutating func count(_ path: FigurePath, failed: Bool, limit: Bool, times: Int = 1) {
        switch path {
        case .columnMode: columnMode += times
        case .prefetched: prefetched += times
        case .perSubject: perSubject += times
        case .alone: alone += times
        case .notRun: notRun += times
        }
        if failed { self.failed += times }
        if limit { stoppedByLimits += times }
    }

    /// The sum of two counts, path by path.
    static func + (a: FigurePaths, b: FigurePaths) -> FigurePaths {
        FigurePaths(
            columnMode: a.columnMode + b.columnMode, prefetched: a.prefetched + b.prefetched,
            perSubject: a.perSubject + b.perSubject, alone: a.alone + b.alone, notRun: a.notRun + b.notRun,
            failed: a.failed + b.failed, stoppedByLimits: a.stoppedByLimits + b.stoppedByLimits)
    }
}
