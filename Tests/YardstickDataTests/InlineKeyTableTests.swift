import Foundation
import Testing

@testable import YardstickData

/// Reference values of 9 to 24 bytes (Salesforce ids, long integers) are interned in batches
/// through ``InlineKeyTable``, which keeps each value whole in its slot: the same codes as
/// interning them one by one, and the path is counted so that a change that stops taking it
/// fails here.
@Suite struct InlineKeyTableTests {
    /// Interns `texts` through a table in batches of 64, into `dictionary`; returns the codes.
    static func intern(
        _ texts: [String], table: inout InlineKeyTable, into dictionary: inout StringDictionary,
        initialCapacity: Int = 16
    ) -> [Int32] {
        var codes = [Int32](repeating: -9, count: texts.count)
        var start = 0
        while start < texts.count {
            let batch = Array(texts[start..<min(start + 64, texts.count)])
            var words: [UInt64] = []
            for text in batch {
                let (first, second, third) = Array(text.utf8).withUnsafeBytes { InlineKeyTable.words(of: $0) }
                words += [first, second, third]
            }
            let lengths = batch.map { UInt8($0.utf8.count) }
            var hashes = [UInt64](repeating: 0, count: batch.count)
            let positions = Array(start..<start + batch.count)
            codes.withUnsafeMutableBufferPointer { codes in
                table.intern(
                    words, lengths: lengths, hashes: &hashes, count: batch.count, codes: codes.baseAddress!,
                    positions: positions, into: &dictionary, initialCapacity: initialCapacity)
            }
            start += batch.count
        }
        return codes
    }

    @Test func everyLengthFromNineToTwentyFourKeepsItsBytes() {
        // Values that differ only in their last byte, or only in length (zero padding must not
        // make "…a" and "…a\0" alike), at every length the table holds.
        var texts: [String] = []
        for length in InlineKeyTable.minLength...InlineKeyTable.maxLength {
            let stem = String(repeating: "k", count: length - 1)
            texts += [stem + "a", stem + "b", stem + "a"]
        }
        var table = InlineKeyTable()
        defer { table.free() }
        var dictionary = StringDictionary()
        var expected = StringDictionary()
        let codes = Self.intern(texts, table: &table, into: &dictionary)
        #expect(codes == texts.map { expected.intern($0) })
        #expect(dictionary.values == expected.values)
        #expect(table.count == expected.count)
    }

    @Test func valuesTheDictionaryHeldBeforeTheTableStartedKeepTheirCodes() {
        // A builder that took over another's dictionary starts an empty table in front of it.
        var dictionary = StringDictionary()
        let earlier = (0..<500).map { IdShapeTests.Shape.salesforce.id("A", $0) }
        for text in earlier { dictionary.intern(text) }
        var expected = dictionary
        let texts = (0..<3_000).map { IdShapeTests.Shape.salesforce.id("A", ($0 &* 7919) % 1_500) }
        var table = InlineKeyTable()
        defer { table.free() }
        let codes = Self.intern(texts, table: &table, into: &dictionary)
        #expect(codes == texts.map { expected.intern($0) })
        #expect(dictionary.values == expected.values)
    }

    @Test func aBigTableGrowsAndIsMappedForHugePages() {
        // 80,000 distinct 18-byte ids: the table grows from 16 slots to 262,144 (8 MiB), past
        // the size from which it is mapped and advised for 2 MiB pages.
        let texts = (0..<160_000).map { IdShapeTests.Shape.salesforce.id("A", ($0 &* 7919) % 80_000) }
        var table = InlineKeyTable()
        defer { table.free() }
        var dictionary = StringDictionary()
        var expected = StringDictionary()
        let codes = Self.intern(texts, table: &table, into: &dictionary)
        #expect(codes == texts.map { expected.intern($0) })
        #expect(table.count == 80_000)
        #expect(table.isMapped)
        table.free()
        #expect(!table.isAllocated)
    }

    @Test func referenceBuildersBatchSalesforceIdsAndLongIntegersThroughTheTable() {
        // 18-byte and 11-byte keys take the inline batch; short keys, GUIDs, keys too long to
        // wait, nulls and rolled-back rows come in between and keep the codes of one by one.
        let builder = ColumnBuilder(field: FieldDefinition("account", .reference("accounts"), "The account."))
        var expected = StringDictionary()
        var codes: [Int32] = []
        var inline = 0
        var long = 0
        var row = 0
        for index in 0..<30_000 {
            let text: String
            switch index % 101 {
            case 7: text = "A\(index % 300)"
            case 8: text = String(repeating: "x", count: 70) + String(index % 5)
            case 9, 10: text = IdShapeTests.Shape.guid.id("A", index % 400)
            case 11: text = IdShapeTests.Shape.unsortedInteger.id("A", index % 900)
            default: text = IdShapeTests.Shape.salesforce.id("A", (index &* 7919) % 20_011)
            }
            if index % 31 == 0 {
                builder.appendNull()
                codes.append(-1)
            } else {
                Array(text.utf8).withUnsafeBytes { builder.appendString($0) }
                codes.append(expected.intern(text))
                switch text.utf8.count {
                case InlineKeyTable.minLength...InlineKeyTable.maxLength: inline += 1
                case 25...PendingKeys.longLength: long += 1
                default: break
                }
            }
            row += 1
            if index % 53 == 0 {
                // A rejected row: appended, then rolled back.
                Array(IdShapeTests.Shape.salesforce.id("Z", index).utf8).withUnsafeBytes { builder.appendString($0) }
                builder.truncate(to: row)
            }
        }
        let column = builder.build()
        // A rolled-back value that completed a batch was interned (and counted) before it
        // was rolled back; it stays in the dictionary under a code no row has.
        let rolledBack = column.dictionary.values.filter { $0.hasPrefix("00Z") }.count
        #expect(inline > 25_000)
        #expect(builder.batchedInlineValues == inline + rolledBack)
        #expect(builder.batchedLongValues == long)
        guard case .reference(let built) = column.storage else {
            Issue.record("not a reference column")
            return
        }
        let kept = column.dictionary.values.filter { !$0.hasPrefix("00Z") }
        #expect(kept == expected.values)
        #expect(built.map { $0 < 0 ? nil : column.dictionary[$0] } == codes.map { $0 < 0 ? nil : expected[$0] })
    }
}
