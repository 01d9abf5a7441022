import Foundation
import Testing

@testable import YardstickData

/// An empty cell of a field with no default that is not required is appended as a null through
/// the sink's plan, without reading the feed and its field (which retained and released them per
/// cell); a field with a default, or a required one, still goes through the feed. Counted
/// (`RowSink.plainNullCells`) so that a change that stops taking the plan's path fails here.
@Suite struct EmptyCellTests {
    /// A row of cells given as text.
    struct Row: RecordRow {
        let number: Int
        let cells: [[UInt8]]
        var count: Int { cells.count }
        func cell(_ index: Int) -> UnsafeRawBufferPointer {
            cells[index].withUnsafeBytes { UnsafeRawBufferPointer($0) }
        }
    }

    @Test func emptyCellsOfAPlainNullableFieldAreNullsThroughThePlan() throws {
        let plain = ColumnBuilder(field: FieldDefinition("duration_seconds", .integer, "How long."))
        let defaulted = ColumnBuilder(field: FieldDefinition("amount", .integer, "How much."))
        let required = ColumnBuilder(field: FieldDefinition("count", .integer, "How many.", required: true))
        let feeds = [(plain, nil), (defaulted, Array("7".utf8)), (required, nil)].enumerated().map {
            RowSink.Feed(
                builder: $1.0, column: $0, columnName: $1.0.field.name, constant: nil, defaultValue: $1.1,
                mapKeys: StringDictionary(), mapValues: [], temporal: nil)
        }
        let sink = RowSink(
            feeds: feeds, unfed: [], formats: ValueFormats(),
            clock: ZoneClock(timeZone: TimeZone(identifier: "UTC")!), file: "t.csv", distinct: false)
        // Kept rows: the required field has a value, the others are empty or not.
        let rows: [[String]] = [["", "", "1"], ["5", "", "2"], ["", "3", "3"], ["", "", "4"]]
        for (line, cells) in rows.enumerated() {
            let row = Row(number: line + 2, cells: cells.map { Array($0.utf8) })
            #expect(sink.consume(line: row.number, cells: row) == nil)
        }
        // A row whose required field is empty is rejected and rolled back (its empty
        // duration, appended before, counts).
        let rejected = Row(number: 9, cells: [[], [], []])
        #expect(sink.consume(line: rejected.number, cells: rejected) != nil)
        #expect(sink.plainNullCells == 4)
        guard case .integer(let durations) = plain.build().storage,
            case .integer(let amounts) = defaulted.build().storage
        else {
            Issue.record("not integer columns")
            return
        }
        #expect(durations.count == 4)
        #expect(durations[1] == 5)
        #expect(amounts == [7, 7, 3, 7])
    }
}
