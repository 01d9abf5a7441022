import Foundation
import Testing

@testable import YardstickData

/// A reference column whose values of 9 to 24 bytes go through an ``InlineKeyTable`` has its
/// dictionary's own index deferred until the rows are complete: the table alone keeps the values
/// distinct meanwhile. The codes, the values and the lookups must be exactly those of interning
/// one by one, and the path is counted (`ColumnBuilder.distinctBeforeIndex`) so that a change
/// that stops taking it fails here.
@Suite struct DeferredIndexTests {
    static let account = FieldDefinition("account", .reference("accounts"), "The account.")

    /// Appends `texts` (nil for a null) to `builder`; returns the codes interning them one by
    /// one in `expected` gives (-1 for a null).
    static func feed(_ texts: [String?], to builder: ColumnBuilder, expected: inout StringDictionary) -> [Int32] {
        texts.map { text in
            guard let text else {
                builder.appendNull()
                return -1
            }
            Array(text.utf8).withUnsafeBytes { builder.appendString($0) }
            return expected.intern(text)
        }
    }

    /// The values of a built reference column, row by row (nil for a null).
    static func values(of column: Column) -> [String?] {
        guard case .reference(let codes) = column.storage else { return [] }
        return codes.map { $0 < 0 ? nil : column.dictionary[$0] }
    }

    @Test func aDictionaryIndexedAfterUniqueAppendsFindsWhatInterningFinds() {
        var deferred = StringDictionary()
        deferred.deferIndex()
        #expect(deferred.awaitsIndex)
        // Every length the wide layout tells apart: packed in the slot up to 8 bytes, by offset above.
        let texts = (0..<5_000).map { index in
            index % 3 == 0 ? "s\(index)" : IdShapeTests.Shape.salesforce.id("A", index)
        }
        var expected = StringDictionary()
        for text in texts {
            var copy = text
            let code = copy.withUTF8 { deferred.appendUnique(UnsafeRawBufferPointer($0)) }
            #expect(code == expected.intern(text))
        }
        deferred.indexUnique()
        #expect(!deferred.awaitsIndex)
        #expect(deferred.isIndexed && deferred.codesAreUnique)
        #expect(deferred.acceptsShortBatch && deferred.acceptsLongBatch)
        for text in texts { #expect(deferred.code(of: text) == expected.code(of: text)) }
        #expect(deferred.code(of: "missing") == nil)
        #expect(deferred.code(of: IdShapeTests.Shape.salesforce.id("B", 1)) == nil)
        // Interning goes on where the index left off, growing the table as interning does.
        for index in 5_000..<20_000 {
            let text = IdShapeTests.Shape.salesforce.id("A", index % 10_000)
            #expect(deferred.intern(text) == expected.intern(text))
        }
        #expect(deferred.values == expected.values)
    }

    @Test func salesforceReferencesDeferTheirDictionarysIndexUntilTheColumnIsBuilt() {
        let builder = ColumnBuilder(field: Self.account, expectedRows: 40_000)
        var expected = StringDictionary()
        let texts: [String?] = (0..<40_000).map { index in
            index % 97 == 0 ? nil : IdShapeTests.Shape.salesforce.id("A", (index &* 7919) % 12_007)
        }
        let codes = Self.feed(texts, to: builder, expected: &expected)
        #expect(builder.dictionary.awaitsIndex)
        let column = builder.build()
        #expect(builder.distinctBeforeIndex == expected.count)
        #expect(column.dictionary.isIndexed && column.dictionary.codesAreUnique)
        #expect(column.dictionary.values == expected.values)
        #expect(Self.values(of: column) == codes.map { $0 < 0 ? nil : expected[$0] })
        for value in expected.values { #expect(column.dictionary.code(of: value) == expected.code(of: value)) }
    }

    @Test func otherLengthsAfterTheTableStartedHaveTheDictionaryIndexedFirst() {
        // 1,000 Salesforce ids first (the table starts in front of an empty dictionary), then
        // short keys, GUIDs, keys too long to wait and more ids, mixed, with rolled-back rows.
        for interloper in ["A17", IdShapeTests.Shape.guid.id("A", 3), String(repeating: "x", count: 80)] {
            let builder = ColumnBuilder(field: Self.account, expectedRows: 6_000)
            var expected = StringDictionary()
            var texts: [String?] = (0..<1_000).map { IdShapeTests.Shape.salesforce.id("A", $0 % 700) }
            texts.append(interloper)
            texts += (0..<5_000).map { index in
                switch index % 41 {
                case 0: return "A\(index % 50)"
                case 1: return IdShapeTests.Shape.guid.id("A", index % 60)
                case 2: return nil
                default: return IdShapeTests.Shape.salesforce.id("A", (index &* 31) % 1_400)
                }
            }
            var codes = Self.feed(Array(texts[..<1_000]), to: builder, expected: &expected)
            #expect(builder.dictionary.awaitsIndex)
            for (offset, text) in texts[1_000...].enumerated() {
                codes += Self.feed([text], to: builder, expected: &expected)
                if offset % 77 == 0 {
                    Array(IdShapeTests.Shape.salesforce.id("Z", offset).utf8).withUnsafeBytes {
                        builder.appendString($0)
                    }
                    builder.truncate(to: codes.count)
                }
            }
            let column = builder.build()
            #expect(builder.distinctBeforeIndex == 700)
            let kept = column.dictionary.values.filter { !$0.hasPrefix("00Z") }
            #expect(kept == expected.values)
            #expect(Self.values(of: column) == codes.map { $0 < 0 ? nil : expected[$0] })
        }
    }

    @Test func otherLengthsWhileTheFirstBatchWaitsKeepTheirPaths() {
        // A short key, a GUID or a key too long to wait arrives while the first Salesforce ids
        // still wait in their batch: resolving them starts the table (which defers the index),
        // and the value queued or interned next must find the dictionary indexed.
        for interloper in ["A17", IdShapeTests.Shape.guid.id("A", 3), String(repeating: "x", count: 80)] {
            let builder = ColumnBuilder(field: Self.account, expectedRows: 3_000)
            var expected = StringDictionary()
            var texts: [String?] = (0..<10).map { IdShapeTests.Shape.salesforce.id("A", $0) }
            texts += [interloper, interloper]
            texts += (0..<3_000).map { index in
                index % 29 == 0 ? interloper : IdShapeTests.Shape.salesforce.id("A", (index &* 31) % 900)
            }
            let codes = Self.feed(texts, to: builder, expected: &expected)
            let column = builder.build()
            #expect(column.dictionary.values == expected.values)
            #expect(Self.values(of: column) == codes.map { $0 < 0 ? nil : expected[$0] })
            for value in expected.values { #expect(column.dictionary.code(of: value) == expected.code(of: value)) }
        }
    }

    @Test func mergedSegmentsGiveTheCodesOfOneReader() {
        // Two segments of a file, each deferring its index; the first is taken over and the
        // second interned into it, as the loader merges them.
        let texts: [String?] = (0..<30_000).map { index in
            index % 53 == 0 ? nil : IdShapeTests.Shape.salesforce.id("A", (index &* 7919) % 9_001)
        }
        var expected = StringDictionary()
        let first = ColumnBuilder(field: Self.account, expectedRows: 15_000)
        let second = ColumnBuilder(field: Self.account, expectedRows: 15_000)
        var codes = Self.feed(Array(texts[..<15_000]), to: first, expected: &expected)
        codes += Self.feed(Array(texts[15_000...]), to: second, expected: &expected)
        let merged = ColumnBuilder(field: Self.account)
        merged.adopt(first)
        merged.append(contentsOf: second)
        let column = merged.build()
        #expect(merged.distinctBeforeIndex > 8_000)
        #expect(column.dictionary.values == expected.values)
        #expect(Self.values(of: column) == codes.map { $0 < 0 ? nil : expected[$0] })
        for value in expected.values { #expect(column.dictionary.code(of: value) == expected.code(of: value)) }
    }
}
