/// The resource limits that bound every call into a ``LuaVM``.
///
/// CPU limits (`instructionsPerCall`, `secondsPerCall`) and log limits are reset at the
/// start of each ``LuaVM/call(_:_:)``; the memory limit caps the whole state. The
/// instruction budget is deterministic and suits tests and CI; the wall-clock limit is the
/// production safety net. Conversion limits apply to values crossing the boundary in
/// either direction (call arguments and results, host-function arguments and results).
///
/// ```swift
/// var limits = LuaLimits.default
/// limits.instructionsPerCall = 5_000_000
/// let vm = try LuaVM(limits: limits)
/// ```
public struct LuaLimits: Sendable, Hashable {
    /// Lua VM instructions one call may execute (counted in steps of at most 1 000).
    public var instructionsPerCall: Int

    /// Bytes the Lua state may allocate in total while plugin code runs.
    public var memoryBytes: Int

    /// Wall-clock seconds one call may run, measured on the monotonic clock; 0 disables.
    public var secondsPerCall: Double

    /// Largest source text accepted by `load`, `loadTrusted`, `require` and Lua's `load`.
    public var maxSourceBytes: Int

    /// Deepest table nesting converted across the boundary.
    public var maxValueDepth: Int

    /// Most values (table entries count keys and values) converted in one crossing.
    public var maxValueElements: Int

    /// Most string bytes converted in one crossing.
    public var maxValueBytes: Int

    /// Most `print` lines per call; the next one raises a `limit` error.
    public var maxLogLines: Int

    /// Most `print` bytes per call; exceeding it raises a `limit` error.
    public var maxLogBytes: Int

    /// Largest subject string accepted by `string.find`, `match`, `gmatch` and `gsub`.
    public var maxPatternSubjectBytes: Int

    /// Largest pattern accepted by the pattern functions.
    public var maxPatternBytes: Int

    /// Creates limits; every parameter defaults to the value in ``default``.
    public init(
        instructionsPerCall: Int = 100_000_000,
        memoryBytes: Int = 256 << 20,
        secondsPerCall: Double = 10,
        maxSourceBytes: Int = 4 << 20,
        maxValueDepth: Int = 64,
        maxValueElements: Int = 1_000_000,
        maxValueBytes: Int = 64 << 20,
        maxLogLines: Int = 10_000,
        maxLogBytes: Int = 1 << 20,
        maxPatternSubjectBytes: Int = 1 << 20,
        maxPatternBytes: Int = 256
    ) {
        self.instructionsPerCall = instructionsPerCall
        self.memoryBytes = memoryBytes
        self.secondsPerCall = secondsPerCall
        self.maxSourceBytes = maxSourceBytes
        self.maxValueDepth = maxValueDepth
        self.maxValueElements = maxValueElements
        self.maxValueBytes = maxValueBytes
        self.maxLogLines = maxLogLines
        self.maxLogBytes = maxLogBytes
        self.maxPatternSubjectBytes = maxPatternSubjectBytes
        self.maxPatternBytes = maxPatternBytes
    }

    /// 100 M instructions, 256 MiB, 10 s per call, 4 MiB sources, depth 64,
    /// 1 M elements and 64 MiB of strings per crossing, 10 000 lines or 1 MiB of
    /// `print` per call, 1 MiB pattern subjects and 256-byte patterns.
    public static let `default` = LuaLimits()
}
