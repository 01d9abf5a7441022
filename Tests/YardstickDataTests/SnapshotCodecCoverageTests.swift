import Testing

@testable import YardstickData

/// Each stored type's codec writes every stored property the type has. When a type gains or
/// loses one, its test here fails: update the codec in Sources/YardstickData/Snapshot (and
/// raise `SnapshotFormat.version`), then this list.
@Suite struct SnapshotCodecCoverageTests {
    static func storedProperties(of value: Any) -> [String] {
        Mirror(reflecting: value).children.compactMap(\.label)
    }

    static let field = FieldDefinition("name", .string, "a name")
    static let column = Column(
        field: field, validity: Validity(), storage: .string([]), dictionary: StringDictionary())

    @Test func stringDictionaryCodecCoversEveryStoredProperty() {
        #expect(
            Self.storedProperties(of: StringDictionary()) == [
                "bytes", "ends", "slots", "mask", "stride", "isSorted", "isIndexed", "codesAreUnique",
            ])
    }

    @Test func validityCodecCoversEveryStoredProperty() {
        #expect(Self.storedProperties(of: Validity()) == ["words", "count", "nullCount"])
    }

    @Test func columnCodecCoversEveryStoredProperty() {
        #expect(
            Self.storedProperties(of: Self.column) == ["field", "validity", "storage", "dictionary", "referencedRows"])
    }

    @Test func indexCodecsCoverEveryStoredProperty() {
        #expect(Self.storedProperties(of: ReferenceIndex(referencedRows: [], targetCount: 0)) == ["offsets", "rows"])
        #expect(
            Self.storedProperties(of: DateIndex(days: [], validity: Validity())) == [
                "firstDay", "offsets", "rows", "localDays",
            ])
    }

    @Test func tableCodecCoversEveryStoredProperty() {
        let entity = EntityDefinition(name: "things", meaning: "things", fields: [Self.field])
        #expect(
            Self.storedProperties(of: Table(entity: entity, rowCount: 0, columns: [:])) == [
                "entity", "rowCount", "columns", "keyRows", "duplicateKeys", "referenceIndexes", "dateIndexes",
            ])
        #expect(
            Self.storedProperties(of: Dataset(tables: [:], timeZone: .gmt)) == ["tables", "timeZone"])
    }

    @Test func loadReportCodecCoversEveryStoredProperty() {
        // `keyIndexPaths` says how this load indexed each table's ids; a load from a snapshot
        // indexes nothing, so the snapshot deliberately does not keep it.
        #expect(Self.storedProperties(of: LoadReport()) == ["entities", "keyIndexPaths"])
        #expect(
            Self.storedProperties(of: EntityLoadReport(entity: "users")) == [
                "entity", "rowsLoaded", "rejectedRows", "problems", "fileErrors", "unusedColumns", "implicitFields",
                "encodings", "sourceFiles", "rowSources", "droppedRows",
            ])
        // `key` is set only for rows of a PostgreSQL source, whose workspace is never cached
        // (decision 0036), so the snapshot deliberately does not keep it.
        #expect(
            Self.storedProperties(of: SourceError(file: "f", message: "m")) == [
                "file", "row", "column", "field", "message", "value", "key",
            ])
    }
}
