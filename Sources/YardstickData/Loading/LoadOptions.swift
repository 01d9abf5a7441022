/// How strictly to load.
public struct LoadOptions: Sendable {
    /// Load the good rows and report the bad ones, instead of failing.
    public var lenient: Bool
    /// How many rejected rows to keep in full per entity.
    public var problemSampleSize: Int
    /// Load entities on several threads.
    public var parallel: Bool
    /// Record where each loaded row came from (``EntityLoadReport/location(ofRow:)``), for
    /// messages that point at rows of the tables (`check`'s field rules).
    public var recordsRowSources: Bool
    /// Told after each source is read (a progress bar); nil for none.
    public var progress: LoadProgress?

    /// Creates options; by default a load with bad rows fails.
    public init(
        lenient: Bool = false, problemSampleSize: Int = 20, parallel: Bool = true,
        recordsRowSources: Bool = false, progress: LoadProgress? = nil
    ) {
        self.lenient = lenient
        self.problemSampleSize = problemSampleSize
        self.parallel = parallel
        self.recordsRowSources = recordsRowSources
        self.progress = progress
    }
}
