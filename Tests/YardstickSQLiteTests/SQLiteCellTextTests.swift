import Testing

@testable import YardstickSQLite

/// How INTEGER and REAL values are written as cell text.
@Suite struct SQLiteCellTextTests {
    static func text(_ value: Double, separator: UInt8 = UInt8(ascii: ".")) -> String {
        let slot = UnsafeMutableRawPointer.allocate(byteCount: SQLiteCellText.slotSize, alignment: 8)
        defer { slot.deallocate() }
        let length = SQLiteCellText.write(value, to: slot, decimalSeparator: separator)
        return String(decoding: UnsafeRawBufferPointer(start: slot, count: length), as: UTF8.self)
    }

    static func text(_ value: Int64) -> String {
        let slot = UnsafeMutableRawPointer.allocate(byteCount: SQLiteCellText.slotSize, alignment: 8)
        defer { slot.deallocate() }
        let length = SQLiteCellText.write(value, to: slot)
        return String(decoding: UnsafeRawBufferPointer(start: slot, count: length), as: UTF8.self)
    }

    @Test func integersAreWrittenInDecimal() {
        #expect(Self.text(0) == "0")
        #expect(Self.text(-42) == "-42")
        #expect(Self.text(Int64.max) == "9223372036854775807")
        #expect(Self.text(Int64.min) == "-9223372036854775808")
    }

    @Test func wholeRealsAreWrittenAsIntegers() {
        #expect(Self.text(3.0) == "3")
        #expect(Self.text(-0.0) == "0")
        #expect(Self.text(-72878.0) == "-72878")
        #expect(Self.text(1e15) == "1000000000000000")
    }

    @Test func otherRealsAreWrittenWithFifteenSignificantDigitsAsSQLiteWritesThem() {
        #expect(Self.text(1278.56) == "1278.56")
        #expect(Self.text(-0.05) == "-0.05")
        #expect(Self.text(0.00001) == "0.00001")
        #expect(Self.text(0.1 + 0.2) == "0.3")
        #expect(Self.text(1.12 + 10) == "11.12")
        #expect(Self.text(1100.04) == "1100.04")
        #expect(Self.text(2.9999999999999996) == "3")
        #expect(Self.text(123_456_789.123_456_78) == "123456789.123457")
        #expect(Self.text(1.0 / 3) == "0.333333333333333")
        #expect(Self.text(99_999.999_999_999_99) == "100000")
        #expect(Self.text(2.5, separator: UInt8(ascii: ",")) == "2,5")
    }

    @Test func nonFiniteAndTinyRealsFallBackToExponentText() {
        #expect(Self.text(.infinity) == "inf")
        #expect(Self.text(-.infinity) == "-inf")
        #expect(Self.text(1e300) == "1e+300")
        #expect(Self.text(1.5e-30) == "1.5e-30")
    }
}
