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
