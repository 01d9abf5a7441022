import Testing

@testable import YardstickPostgres

/// Cutting a binary COPY stream into tuples, wherever the server's data messages end.
@Suite struct PostgresCopyReaderTests {
    /// A stream of three tuples of two fields (text, int4; a NULL in the second tuple) with a
    /// 3-byte header extension, and the trailer.
    static let stream: [UInt8] = {
        var bytes = PostgresCopyReader.signature
        bytes += [0, 0, 0, 0] + [0, 0, 0, 3] + [9, 9, 9]
        func int16(_ value: Int16) -> [UInt8] { withUnsafeBytes(of: value.bigEndian) { Array($0) } }
        func int32(_ value: Int32) -> [UInt8] { withUnsafeBytes(of: value.bigEndian) { Array($0) } }
        for (text, number) in [("a1", Int32(7)), ("销售", nil), ("", -2)] as [(String, Int32?)] {
            bytes += int16(2)
            bytes += int32(Int32(text.utf8.count)) + Array(text.utf8)
            if let number { bytes += int32(4) + int32(number) } else { bytes += int32(-1) }
        }
        return bytes + int16(-1)
    }()

    /// The tuples read from `chunks`, as text and number (nil for NULL).
    static func read(_ chunks: [[UInt8]]) throws -> (rows: [String], carried: Bool, finished: Bool) {
        var reader = PostgresCopyReader(width: 2)
        var rows: [String] = []
        for chunk in chunks {
            try chunk.withUnsafeBytes { raw in
                try reader.feed(raw) { cells in
                    let text = cells[0].map { String(decoding: $0, as: UTF8.self) } ?? "NULL"
                    let number = cells[1].map { String(Int32(bigEndian: $0.loadUnaligned(as: Int32.self))) } ?? "NULL"
                    rows.append(text + "|" + number)
                }
            }
        }
        return (rows, reader.carried, reader.finished)
    }

    @Test func aWholeStreamInOneMessageGivesEveryTupleAndTheTrailer() throws {
        let result = try Self.read([Self.stream])
        #expect(result.rows == ["a1|7", "销售|NULL", "|-2"])
        #expect(result.finished && !result.carried)
    }

    /// The protocol lets data messages end anywhere; every cut gives the same tuples.
    @Test func tuplesCutBetweenMessagesAtAnyByteAreCarriedOver() throws {
        for cut in 1..<Self.stream.count {
            let result = try Self.read([Array(Self.stream[..<cut]), Array(Self.stream[cut...])])
            #expect(result.rows == ["a1|7", "销售|NULL", "|-2"], "cut at \(cut)")
            #expect(result.finished)
        }
        let bytes = try Self.read(Self.stream.map { [$0] })
        #expect(bytes.rows.count == 3 && bytes.carried)
    }

    @Test func aStreamWithoutTheSignatureIsMalformed() {
        var bad = Self.stream
        bad[0] = UInt8(ascii: "X")
        #expect(throws: PostgresCopyReader.Malformed.self) { try Self.read([bad]) }
    }

    @Test func aTupleOfAnotherWidthIsMalformed() {
        var bad = Self.stream
        bad[23] = 3  // the first tuple's field count: 2 → 3
        #expect(throws: PostgresCopyReader.Malformed(reason: "a tuple of 3 fields, expected 2")) {
            try Self.read([bad])
        }
    }

    @Test func aStreamCutShortHasNoTrailer() throws {
        let result = try Self.read([Array(Self.stream.dropLast(2))])
        #expect(result.rows.count == 3 && !result.finished)
    }
}
