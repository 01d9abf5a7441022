import Testing

@testable import YardstickData

/// Values of at most 8 bytes are compared as one word holding their bytes: the word, read with
/// overlapping loads, must be exactly the bytes, little-endian and zero-padded, at every length.
@Suite struct ShortValuePackingTests {
    @Test(arguments: 0...8)
    func aShortValuesWordIsExactlyItsBytes(_ length: Int) {
        for seed in 0..<64 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: ($0 + 1) &* 37 &+ seed &* 11) }
            var expected: UInt64 = 0
            for (index, byte) in bytes.enumerated() { expected |= UInt64(byte) << UInt64(index * 8) }
            // Bytes after the value must not leak into its word.
            let padded = bytes + [0xFF, 0xFE, 0xFD, 0xFC, 0xFB, 0xFA, 0xF9, 0xF8]
            let word = padded.withUnsafeBytes {
                StringDictionary.packedShort(UnsafeRawBufferPointer(rebasing: $0[0..<length]))
            }
            #expect(word == expected, "length \(length), seed \(seed)")
        }
    }

    @Test func shortIdsOfEveryLengthAreFoundInBothLayouts() {
        let values = (0..<3_000).map { "a\($0)" } + ["", "b", "bc", "bcd", "bcde", "bcdef", "bcdefg", "bcdefgh"]
        var wide = StringDictionary()
        var compact = StringDictionary()
        for value in values {
            wide.intern(value)
            _ = Array(value.utf8).withUnsafeBytes { compact.appendWithoutLookup($0) }
        }
        #expect(compact.buildIndex().isEmpty)
        for (code, value) in values.enumerated() {
            #expect(wide.code(of: value) == Int32(code))
            #expect(compact.code(of: value) == Int32(code))
        }
        #expect(wide.code(of: "bcdefgi") == nil)
        #expect(compact.code(of: "a30000") == nil)
    }
}
