/// What happened while loading: rows read and kept, and every value that was rejected.
///
/// Nothing is dropped silently: each skipped row appears in ``problems`` (the first
/// ``LoadOptions/problemSampleSize`` per entity are kept in full, the rest are counted).
public struct LoadReport: Sendable {
    /// Per entity, what loading it found.
    public internal(set) var entities: [String: EntityLoadReport] = [:]

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

/// What loading one entity found.
public struct EntityLoadReport: Sendable {
    /// The entity.
    public let entity: String
    /// Rows kept (after `distinct`, without rejected rows).
    public internal(set) var rowsLoaded = 0
    /// Records rejected because a value could not be parsed or a required field was empty.
    public internal(set) var rejectedRows = 0
    /// The first rejected values, with file, row, column and field.
    public internal(set) var problems: [SourceError] = []
    /// Files that could not be read at all, or lack a mapped column.
    public internal(set) var fileErrors: [SourceError] = []
    /// Source columns no field is mapped from, per file.
    public internal(set) var unusedColumns: [String: [String]] = [:]
    /// Vocabulary fields fed implicitly by a same-named column, per file.
    public internal(set) var implicitFields: [String: [String]] = [:]
    /// The encoding each readable file was read with (`utf-8` or `gb18030`), per file.
    public internal(set) var encodings: [String: String] = [:]
    /// The entity's files, in mapping order.
    public internal(set) var sourceFiles: [String] = []
    /// Per loaded row, the index of its file in ``sourceFiles`` (high 32 bits) and the line
    /// its record starts on (low 32 bits); empty unless ``LoadOptions/recordsRowSources``.
    public internal(set) var rowSources: [Int64] = []

    /// Where a loaded row came from, as `file:line`, when row sources were recorded.
    public func location(ofRow row: Int) -> String? {
        guard row >= 0, row < rowSources.count else { return nil }
        let source = rowSources[row]
        let file = Int(source >> 32)
        guard file < sourceFiles.count else { return nil }
        return "\(sourceFiles[file]):\(source & 0xFFFF_FFFF)"
    }
    /// Records left out by the mappings' `drop` and `keep` filters, per file (not problems).
    public internal(set) var droppedRows: [String: Int] = [:]

    /// Creates an empty report.
    public init(entity: String) { self.entity = entity }

    /// Adds what another read of the same entity found (a later file or segment).
    mutating func merge(_ other: EntityLoadReport, sampleSize: Int = 20) {
        rowsLoaded += other.rowsLoaded
        rejectedRows += other.rejectedRows
        problems += other.problems.prefix(max(0, sampleSize - problems.count))
        fileErrors += other.fileErrors
        droppedRows.merge(other.droppedRows, uniquingKeysWith: +)
    }

    mutating func record(_ problem: SourceError, sampleSize: Int) {
        rejectedRows += 1
        if problems.count < sampleSize { problems.append(problem) }
    }
}

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

    /// Creates options; by default a load with bad rows fails.
    public init(
        lenient: Bool = false, problemSampleSize: Int = 20, parallel: Bool = true,
        recordsRowSources: Bool = false
    ) {
        self.lenient = lenient
        self.problemSampleSize = problemSampleSize
        self.parallel = parallel
        self.recordsRowSources = recordsRowSources
    }
}

/// A load that found files it could not load, or (strict) bad rows.
public struct LoadFailure: Error, Sendable, CustomStringConvertible {
    /// Everything the load found.
    public let report: LoadReport
    /// Whether the load was lenient (bad rows alone would not have failed it).
    public let lenient: Bool

    /// Creates a failure from what the load found.
    public init(report: LoadReport, lenient: Bool = false) {
        self.report = report
        self.lenient = lenient
    }

    /// The first problems and the totals, one per line.
    public var description: String {
        var lines: [String] = []
        for name in report.entities.keys.sorted() {
            guard let entity = report.entities[name] else { continue }
            lines += entity.fileErrors.map(\.description)
            lines += entity.problems.map(\.description)
            if entity.rejectedRows > entity.problems.count {
                lines.append(
                    "… and \(entity.rejectedRows - entity.problems.count) more bad rows in \(name)")
            }
        }
        let files = Set(report.entities.values.flatMap { $0.fileErrors.map(\.file) }).count
        if files > 0 {
            let what = files == 1 ? "1 file could not be loaded" : "\(files) files could not be loaded"
            lines.append(
                "\(what); nothing was loaded. Fix the file or the mapping"
                    + (lenient ? " (--lenient skips bad rows, never whole files)." : "."))
        } else {
            lines.append(
                "\(report.rejectedRows) bad rows; nothing was loaded. "
                    + "Fix the data or the mapping, or pass --lenient to load the good rows.")
        }
        return lines.joined(separator: "\n")
    }
}
