import Foundation
import Testing

@testable import YardstickData

/// Big id and plain-text columns reserve their values' storage once instead of growing by
/// doubling (each doubling copied every value into fresh pages): the reservation is the
/// loader's statistic, and a column that outgrew it would show a different capacity.
@Suite struct ColumnReservationTests {
    static let idField = FieldDefinition("id", .string, "The id.")

    /// Appends `values` to a new builder that expects `expectedRows` rows.
    static func builder(_ field: FieldDefinition, expectedRows: Int, values: [String]) -> ColumnBuilder {
        let builder = ColumnBuilder(field: field, expectedRows: expectedRows)
        for value in values { Array(value.utf8).withUnsafeBytes { builder.appendString($0) } }
        return builder
    }

    @Test func aBigIdColumnReservesItsValuesOnceAndNeverRegrows() {
        // Fixed width: 8 bytes each, 100,000 of them.
        let values = (0..<100_000).map { "X" + String(repeating: "0", count: 7 - String($0).count) + String($0) }
        let builder = Self.builder(Self.idField, expectedRows: values.count, values: values)
        #expect(builder.dictionaryReservations == 1)
        #expect(builder.reservedByteCapacity >= 800_000)
        #expect(builder.dictionary.byteCapacity == builder.reservedByteCapacity)
        let column = builder.build()
        #expect(column.dictionary.count == 100_000)
        #expect(column.dictionary[54_321] == "X0054321")
        #expect(column.value(at: 99_999) == .string("X0099999"))
    }

    @Test func idsThatGrowADigitNowAndThenStillFitTheReservation() {
        // Unpadded ids numbered from 0: 3.9 bytes on average at the probe, 6 bytes at the end.
        let values = (0..<100_000).map { "x\($0)" }
        let builder = Self.builder(Self.idField, expectedRows: values.count, values: values)
        #expect(builder.dictionaryReservations == 1)
        #expect(builder.dictionary.byteCapacity == builder.reservedByteCapacity)
        #expect(builder.dictionary.totalByteCount == values.reduce(0) { $0 + $1.utf8.count })
        let column = builder.build()
        #expect(column.value(at: 12_345) == .string("x12345"))
    }

    @Test func nearlyUniqueTextReservesOnceItTurnsPlain() {
        let field = FieldDefinition("subject", .string, "A subject.")
        let values = (0..<20_000).map { "Subject number \($0)" }
        let builder = Self.builder(field, expectedRows: values.count, values: values)
        #expect(builder.dictionaryReservations == 1)
        #expect(builder.dictionary.byteCapacity == builder.reservedByteCapacity)
        #expect(builder.build().value(at: 19_999) == .string("Subject number 19999"))
    }

    @Test func repeatedTextKeepsItsHashTableAndReservesNothing() {
        let field = FieldDefinition("stage", .string, "A stage.")
        let values = (0..<20_000).map { "Stage \($0 % 7)" }
        let builder = Self.builder(field, expectedRows: values.count, values: values)
        #expect(builder.dictionaryReservations == 0)
        #expect(builder.dictionary.count == 7)
    }

    @Test func segmentsAppendedAfterOneReservationGiveTheSameColumn() {
        let values = (0..<30_000).map { "k\($0 * 7)" }
        let pieces = stride(from: 0, to: values.count, by: 10_000).map {
            Self.builder(Self.idField, expectedRows: 10_000, values: Array(values[$0..<$0 + 10_000]))
        }
        let merged = ColumnBuilder(field: Self.idField)
        merged.adopt(pieces[0])
        merged.reserve(for: pieces.dropFirst())
        let capacity = merged.dictionary.byteCapacity
        #expect(capacity == merged.reservedByteCapacity)
        for piece in pieces.dropFirst() { merged.append(contentsOf: piece) }
        // Adopting took the first piece's reservation over; the merge reserved once more.
        #expect(merged.dictionaryReservations == 1)
        #expect(merged.dictionary.byteCapacity == capacity)
        let column = merged.build()
        #expect(column.count == 30_000)
        #expect(column.value(at: 25_000) == .string("k175000"))
    }
}
