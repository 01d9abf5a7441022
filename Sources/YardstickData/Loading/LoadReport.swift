/// What happened while loading: rows read and kept, and every value that was rejected.
///
/// Nothing is dropped silently: each skipped row appears in ``EntityLoadReport/problems`` (the first
/// ``LoadOptions/problemSampleSize`` per entity are kept in full, the rest are counted).
public struct LoadReport: Sendable {
    /// Per entity, what loading it found.
    public internal(set) var entities: [String: EntityLoadReport] = [:]

    /// Per table with an `id` column, how its ids were indexed (the loader's statistics: tests
    /// check which path big tables take).
    package internal(set) var keyIndexPaths: [String: StringDictionary.IndexPath] = [:]

    /// Creates an empty report.
    public init() {}

    /// The number of rejected rows over all entities.
    public var rejectedRows: Int { entities.values.reduce(0) { $0 + $1.rejectedRows } }

    /// Whether anything at all was rejected or could not be read.
    public var hasProblems: Bool {
        entities.values.contains { $0.rejectedRows > 0 || !$0.fileErrors.isEmpty }
    }

    /// Whether some file could not be loaded as a whole (an error in lenient mode too).
    public var hasFileErrors: Bool { entities.values.contains { !$0.fileErrors.isEmpty } }

    /// Every rejected row kept in the report, entity by entity (in name order), each in file
    /// order.
    public var rejectedProblems: [SourceError] {
        entities.keys.sorted().flatMap { entities[$0]?.problems ?? [] }
    }
}
