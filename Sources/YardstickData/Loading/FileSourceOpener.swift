import Foundation
import YardstickLocalization

/// Opens the files of a workspace's mappings: CSV, JSON, NDJSON and aligned text.
///
/// The default ``RecordSourceOpener`` of ``DataLoader``.
public struct FileSourceOpener: RecordSourceOpener {
    /// Creates an opener.
    public init() {}

    /// Opens the file of a mapping and reads its header.
    ///
    /// - Throws: ``SourceError`` located in the mapping's file when it is missing, unreadable,
    ///   undecodable or has no header.
    public func open(_ part: SourceMapping) throws(SourceError) -> any RecordSource {
        if part.database != nil {
            throw SourceError(
                file: part.displayPath,
                message:
                    tr(
                        "a database source needs a program that reads databases (YardstickSQLite's or YardstickPostgres's opener)"
                    )
            )
        }
        guard FileManager.default.fileExists(atPath: part.path) else {
            throw SourceError(file: part.displayPath, message: tr("file not found"))
        }
        switch part.format {
        case .csv:
            do {
                var reader = try CSVReader(path: part.path, dialect: part.dialect)
                let header = try reader.readHeader()
                return CSVRecordSource(reader: reader, header: header, file: part.displayPath)
            } catch let error as SourceError {
                var located = error
                located.file = part.displayPath
                throw located
            } catch {
                throw SourceError(file: part.displayPath, message: "\(error)")
            }
        case .whitespace, .fixed:
            return try AlignedTextReader(part: part).read()
        case .json, .ndjson:
            return try JSONReader.read(path: part.path, file: part.displayPath, lines: part.format == .ndjson)
        }
    }
}
