import Foundation
import Testing

@testable import YardstickData

/// The loader's fast paths (segments, typed appends, fixed date layouts, the dictionary's
/// layouts) must give exactly what the general paths give.
@Suite struct LoaderFastPathTests {
    /// More than 1 MiB of CSV whose records have quoted fields with delimiters, doubled quotes
    /// and line feeds, so segment cuts fall next to and inside quoted text.
    static func trickyCSV(rows: Int) -> [UInt8] {
        var text = "id,note,owner,amount,at\n"
        for row in 0..<rows {
            let note: String
            switch row % 5 {
            case 0: note = "\"line one\nline \"\"two\"\", \(row)\""
            case 1: note = "\"a, b\""
            case 2: note = ""
            case 3: note = "plain \(row % 97)"
            default: note = "\"\n\n\""
            }
            let at =
                row % 7 == 0
                ? "2026-02-30 10:00:00"
                : "2026-0\(row % 9 + 1)-1\(row % 10) 0\(row % 10):1\(row % 6):5\(row % 10)"
            let amount = row % 11 == 0 ? "\(row % 13).5" : "\(row % 13)"
            text += "r\(row),\(note),u\(row % 1000),\(amount),\(at)\n"
            if row % 1000 == 999 { text += "\n" }
        }
        return Array(text.utf8)
    }

    @Test func segmentsReadTheSameRecordsAndLinesAsOneReader() throws {
        let bytes = Self.trickyCSV(rows: 40_000)
        #expect(bytes.count > 1 << 20)
        var whole = try CSVReader(bytes: bytes, path: "t.csv")
        _ = try whole.readHeader()
        for count in [2, 3, 7] {
            var expected: [[String]] = []
            var single = whole
            try single.forEachRecord { record in
                expected.append([String(record.line)] + (0..<record.count).map { record.string(at: $0) })
                return true
            }
            var found: [[String]] = []
            let segments = whole.segments(count)
            #expect(segments.count == count)
            for var segment in segments {
                try segment.forEachRecord { record in
                    found.append([String(record.line)] + (0..<record.count).map { record.string(at: $0) })
                    return true
                }
            }
            #expect(found == expected)
        }
    }

    /// Above 16 MiB the UTF-8 check and the count before each cut run on all cores.
    @Test func bigTextIsCheckedAndCutInPiecesLikeOneReader() throws {
        // Long records (quoted text with 200 line feeds and doubled quotes) keep the count
        // low; record r starts on line 2 + 201 r.
        let filler = Array(repeating: "abc, \"\"x\"\"\n", count: 200).joined()
        var text = "id,note,n\n"
        for row in 0..<9_000 { text += "k\(row),\"\(filler)\(row)\",\(row % 7)\n" }
        let bytes = Array(text.utf8)
        #expect(bytes.count > 16 << 20)
        var whole = try CSVReader(bytes: bytes, path: "t.csv")
        _ = try whole.readHeader()
        for count in [2, 3] {
            let segments = whole.segments(count)
            #expect(segments.count == count)
            for var segment in segments {
                try segment.forEachRecord { record in
                    let row = Int(record.string(at: 0).dropFirst()) ?? -1
                    #expect(record.line == 2 + 201 * row)
                    #expect(record.count == 3)
                    return false
                }
            }
        }
    }

    /// Many keys in ascending order are found by bisection, with the same answers as hashing.
    @Test func ascendingKeysAreFoundWithoutAHashTable() {
        let count = StringDictionary.sortedIndexThreshold + 5
        let texts = (0..<count).map { "X" + String(repeating: "0", count: 9 - String($0).count) + String($0) }
        var keys = StringDictionary(capacity: 0)
        for text in texts { _ = Array(text.utf8).withUnsafeBytes { keys.appendWithoutLookup($0) } }
        #expect(keys.buildIndex().isEmpty)
        #expect(keys.isIndexed && keys.codesAreUnique)
        for code in [0, 1, 77, count / 2, count - 1] {
            #expect(keys.code(of: texts[code]) == Int32(code))
        }
        #expect(keys.code(of: "X") == nil)
        #expect(keys.code(of: "W999999999") == nil)
        #expect(keys.code(of: "X0000000005x") == nil)
        #expect(keys.code(of: "Y") == nil)
        #expect(keys.intern("A new one") == Int32(count))
        #expect(keys.code(of: texts[count - 1]) == Int32(count - 1))
        #expect(keys.code(of: "A new one") == Int32(count))

        // Out of order: hashed, repeats found as before.
        var unordered = StringDictionary(capacity: 0)
        for text in texts.reversed() + [texts[3]] {
            _ = Array(text.utf8).withUnsafeBytes { unordered.appendWithoutLookup($0) }
        }
        let repeats = unordered.buildIndex()
        #expect(repeats.map { [$0.repeat, $0.first] } == [[Int32(count), Int32(count - 4)]])
        #expect(unordered.code(of: texts[0]) == Int32(count - 1))
    }

    @Test func parallelAndSerialLoadsAreIdentical() throws {
        let workspace = try TemporaryWorkspace(
            toml: """
                [entities.users]
                file = "users.csv"
                [entities.activities]
                file = "acts.csv"
                [entities.activities.formats]
                datetime = "%Y-%m-%d %H:%M:%S"
                [entities.activities.fields]
                subject = "note"
                duration_seconds = "amount"
                occurred_at = "at"
                """,
            files: [
                "users.csv": Array(("id,name\n" + (0..<1000).map { "u\($0),User \($0)\n" }.joined()).utf8),
                "acts.csv": Self.trickyCSV(rows: 40_000).map { $0 },
            ])
        let open = try workspace.open()
        let (parallel, parallelReport) = try DataLoader(
            workspace: open, options: LoadOptions(lenient: true, parallel: true)
        ).load()
        let (serial, serialReport) = try DataLoader(
            workspace: open, options: LoadOptions(lenient: true, parallel: false)
        ).load()
        #expect(parallelReport.rejectedRows == serialReport.rejectedRows)
        #expect(parallelReport.rejectedRows > 0)
        let a = try #require(parallel.tables["activities"])
        let b = try #require(serial.tables["activities"])
        #expect(a.rowCount == b.rowCount && a.rowCount > 20_000, "\(a.rowCount) \(parallelReport)")
        for name in a.columns.keys.sorted() {
            let left = try #require(a.columns[name])
            let right = try #require(b.columns[name])
            #expect(left.validity == right.validity, "\(name)")
            for row in stride(from: 0, to: a.rowCount, by: 7) {
                #expect(left.value(at: row) == right.value(at: row), "\(name) row \(row)")
            }
        }
        #expect(a.row(forKey: "r39999") == b.row(forKey: "r39999"))
        #expect(a.referenceIndexes["owner"]?.rows(referencing: 5) == b.referenceIndexes["owner"]?.rows(referencing: 5))
    }

    @Test func fixedDateLayoutsMatchThePatternReader() throws {
        let formats = [
            try TemporalFormat("%Y-%m-%d %H:%M:%S"), try TemporalFormat("%Y-%m-%d"), TemporalFormat.automatic,
        ]
        let texts = [
            "2026-10-31 09:15:00", "2026-10-31T09:15:00", "2026-10-31", "2026-02-29", "2024-02-29",
            "2026-13-01 00:00:00", "2026-10-31 24:00:00", "2026-10-31 23:60:00", "2026-10-31 23:59:60",
            "2026-1a-31", "2026/10/31", "2026-10-31 9:15:00", "2026-10-31X09:15:00", "0000-01-01",
            "20261031", "2026-10-31 09:15:0a",
        ]
        for format in formats {
            for text in texts {
                let bytes = Array(text.utf8)
                let fast = bytes.withUnsafeBytes { format.parse($0) }
                let general = bytes.withUnsafeBytes { format.parseByPieces($0) }
                #expect(fast == general, "\(format) \(text)")
            }
        }
    }

    @Test func batchedReferenceCodesMatchInterningOneByOne() throws {
        // Short keys wait for a batch; long keys, nulls and rolled-back rows come in between.
        let builder = ColumnBuilder(field: FieldDefinition("account", .reference("accounts"), "The account."))
        var expected = StringDictionary()
        var codes: [Int32] = []
        var row = 0
        for index in 0..<30_000 {
            let text = index % 97 == 5 ? "a long account key \(index % 13)" : "A\((index &* 7919) % 20_011)"
            if index % 31 == 0 {
                builder.appendNull()
                codes.append(-1)
            } else {
                Array(text.utf8).withUnsafeBytes { builder.appendString($0) }
                codes.append(expected.intern(text))
            }
            row += 1
            if index % 53 == 0 {
                // A rejected row: appended, then rolled back.
                Array("Z\(index)".utf8).withUnsafeBytes { builder.appendString($0) }
                builder.truncate(to: row)
            }
        }
        let column = builder.build()
        guard case .reference(let built) = column.storage else {
            Issue.record("not a reference column")
            return
        }
        // A rolled-back value may keep a code (as interning one by one keeps it); the rows and
        // the order of first appearance are the same.
        let kept = column.dictionary.values.filter { !$0.hasPrefix("Z") }
        #expect(kept == expected.values)
        #expect(built.map { $0 < 0 ? nil : column.dictionary[$0] } == codes.map { $0 < 0 ? nil : expected[$0] })
    }

    @Test func dictionaryLayoutsFindEveryValue() throws {
        var dictionary = StringDictionary()
        var texts: [String] = []
        for index in 0..<20_000 {
            texts.append(String(repeating: "k", count: index % 12) + String(index))
        }
        texts.append("")
        for (code, text) in texts.enumerated() { #expect(dictionary.intern(text) == Int32(code)) }
        for (code, text) in texts.enumerated() {
            #expect(dictionary.code(of: text) == Int32(code))
            #expect(dictionary[Int32(code)] == text)
        }
        #expect(dictionary.code(of: "missing") == nil)
        #expect(dictionary.code(of: "k") == nil)

        var keys = StringDictionary(capacity: 0)
        for text in texts { _ = Array(text.utf8).withUnsafeBytes { keys.appendWithoutLookup($0) } }
        var more = StringDictionary(capacity: 0)
        for text in ["x1", texts[3], "kkkkkkkkkkkkk"] {
            _ = Array(text.utf8).withUnsafeBytes { more.appendWithoutLookup($0) }
        }
        keys.appendWithoutLookup(contentsOf: more)
        let repeats = keys.buildIndex()
        #expect(repeats.map { [$0.repeat, $0.first] } == [[Int32(texts.count + 1), 3]])
        #expect(keys.code(of: "x1") == Int32(texts.count))
        #expect(keys.code(of: texts[17]) == 17)
        #expect(keys.intern("new value") == Int32(texts.count + 3))
        #expect(keys.code(of: "new value") == Int32(texts.count + 3))
    }
}
