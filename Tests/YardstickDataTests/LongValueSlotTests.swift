import Testing

@testable import YardstickData

/// In the wide layout (interned dictionaries: reference and text columns) a value of more than
/// 8 bytes has its length and offset in its slot, so a lookup compares its bytes without first
/// reading where they start: the path of every long reference (GUIDs, Salesforce ids, long
/// integers).
@Suite struct LongValueSlotTests {
    /// GUID-like values, and integers of 9 to 13 digits that differ only near their end.
    static let values: [String] =
        (0..<5_000).map { "7a1c\($0 % 97)e0-9f3d-4c2a-8d5e-\(String(UInt64($0) &* 2_654_435_761, radix: 16))" }
        + (0..<3_000).map { String(123_456_789_000 + $0 * 7) } + ["123456789", "abcdefghijklmnopq"]

    @Test func everyLongValuesSlotHoldsItsLengthAndOffset() {
        var dictionary = StringDictionary()
        for value in Self.values { dictionary.intern(value) }
        #expect(dictionary.stride == 2)
        #expect(dictionary.count == Self.values.count)
        var checked = 0
        for slot in 0...dictionary.mask {
            let entry = dictionary.slots[slot * 2]
            // Short values carry their length with the top bit set as their tag.
            guard entry != 0, entry >> 32 & 0x8000_0000 == 0 else { continue }
            let code = Int(entry & 0xFFFF_FFFF) - 1
            let start = code == 0 ? 0 : Int(dictionary.ends[code - 1])
            let length = Int(dictionary.ends[code]) - start
            #expect(dictionary.slots[slot * 2 + 1] == UInt64(length) << 32 | UInt64(start))
            checked += 1
        }
        #expect(checked == Self.values.count)
    }

    @Test func longValuesAreFoundAfterGrowingAndNearMissesAreNot() {
        var dictionary = StringDictionary()
        for (code, value) in Self.values.enumerated() { #expect(dictionary.intern(value) == Int32(code)) }
        for (code, value) in Self.values.enumerated() where code % 7 == 0 {
            #expect(dictionary.code(of: value) == Int32(code))
        }
        // The same length, one byte off at the end, in the middle, at the start; one byte longer
        // or shorter.
        #expect(dictionary.code(of: "123456789008") == nil)
        #expect(dictionary.code(of: "123456709007") == nil)
        #expect(dictionary.code(of: "923456789007") == nil)
        #expect(dictionary.code(of: "1234567890070") == nil)
        #expect(dictionary.code(of: "12345678900") == nil)
        #expect(dictionary.code(of: "123456789007") == Int32(5_001))
        // Interning a value again gives its first code and adds nothing.
        #expect(dictionary.intern("abcdefghijklmnopq") == Int32(Self.values.count - 1))
        #expect(dictionary.count == Self.values.count)
    }
}
