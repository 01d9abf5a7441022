import Testing

@testable import YardstickData

/// Whole numbers as cells spell them, to the edges of a 64-bit integer.
@Suite struct IntegerCellParsingTests {
    static func parse(_ text: String, grouping: UInt8? = nil) -> Int64? {
        Array(text.utf8).withUnsafeBytes { ColumnBuilder.parseInteger($0, grouping: grouping) }
    }

    @Test func theWholeRangeOfA64BitIntegerParsesAndOneBeyondDoesNot() {
        #expect(Self.parse("9223372036854775807") == .max)
        #expect(Self.parse("-9223372036854775808") == .min)
        #expect(Self.parse("+9223372036854775807") == .max)
        #expect(Self.parse("9223372036854775808") == nil)
        #expect(Self.parse("-9223372036854775809") == nil)
    }

    @Test func signsGroupingAndZeroFractionsAreRead() {
        #expect(Self.parse("-0") == 0)
        #expect(Self.parse("-42") == -42)
        #expect(Self.parse("1,234,567", grouping: UInt8(ascii: ",")) == 1_234_567)
        #expect(Self.parse("12.00") == 12)
        #expect(Self.parse("12.5") == nil)
        #expect(Self.parse("-") == nil)
        #expect(Self.parse("") == nil)
        #expect(Self.parse("1e3") == nil)
    }
}
