import Testing

@testable import YardstickPostgres

/// How binary values of the PostgreSQL wire protocol are written as cell text.
@Suite struct PostgresCellTextTests {
    /// The text `write` leaves in a fresh buffer.
    static func text(capacity: Int = 256, _ write: (UnsafeMutableRawPointer) -> Int) -> String {
        let out = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { out.deallocate() }
        let length = write(out)
        return String(decoding: UnsafeRawBufferPointer(start: out, count: length), as: UTF8.self)
    }

    /// The binary `numeric` of these base-10000 digits.
    static func numeric(_ digits: [UInt16], weight: Int16, negative: Bool = false, scale: UInt16) -> [UInt8] {
        var bytes: [UInt8] = []
        func put16(_ value: UInt16) { bytes += [UInt8(value >> 8), UInt8(value & 0xFF)] }
        put16(UInt16(digits.count))
        put16(UInt16(bitPattern: weight))
        put16(negative ? 0x4000 : 0)
        put16(scale)
        for digit in digits { put16(digit) }
        return bytes
    }

    static func numericText(_ bytes: [UInt8], separator: UInt8 = UInt8(ascii: ".")) -> String {
        bytes.withUnsafeBytes { value in
            text(capacity: PostgresCellText.numericWidth(value)) {
                PostgresCellText.writeNumeric(value, to: $0, decimalSeparator: separator)
            }
        }
    }

    static func bigEndian<Value: FixedWidthInteger>(_ value: Value) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }

    @Test func numericsKeepTheirDigitsAndDropTrailingFractionZeros() {
        // 1100.04 = 1100 | 0400 with weight 0 and scale 2.
        #expect(Self.numericText(Self.numeric([1100, 400], weight: 0, scale: 2)) == "1100.04")
        // 550.00: the whole value, without a fraction, as the CSV file writes it.
        #expect(Self.numericText(Self.numeric([550], weight: 0, scale: 2)) == "550")
        // 123456789.5 = 1 | 2345 | 6789 . 5000
        #expect(Self.numericText(Self.numeric([1, 2345, 6789, 5000], weight: 2, scale: 1)) == "123456789.5")
        // -0.0005: weight -1, one group 0005.
        #expect(Self.numericText(Self.numeric([5], weight: -1, negative: true, scale: 4)) == "-0.0005")
        // 0.00000012: weight -2 (a zero group between the point and 0012).
        #expect(Self.numericText(Self.numeric([12], weight: -2, scale: 8)) == "0.00000012")
        // 10000000 = 1000 | 0000 with the zero group left out of the digits (weight 1).
        #expect(Self.numericText(Self.numeric([1000], weight: 1, scale: 0)) == "10000000")
        // Zero has no digits.
        #expect(Self.numericText(Self.numeric([], weight: 0, scale: 2)) == "0")
        // The mapping's decimal separator.
        #expect(
            Self.numericText(Self.numeric([12, 3400], weight: 0, scale: 2), separator: UInt8(ascii: ",")) == "12,34")
    }

    @Test func specialNumericsAreWrittenForTheLoaderToReject() {
        var nan = Self.numeric([], weight: 0, scale: 0)
        nan[4] = 0xC0
        #expect(Self.numericText(nan) == "NaN")
        var infinity = Self.numeric([], weight: 0, scale: 0)
        infinity[4] = 0xD0
        #expect(Self.numericText(infinity) == "Infinity")
    }

    @Test func integersOfEveryWidthAreDecimal() {
        for (bytes, expected) in [
            (Self.bigEndian(Int16(-32768)), "-32768"), (Self.bigEndian(Int32(2822)), "2822"),
            (Self.bigEndian(Int64.min), "-9223372036854775808"), (Self.bigEndian(Int64(0)), "0"),
        ] {
            let value = bytes.withUnsafeBytes { PostgresCellText.integer($0) }
            #expect(Self.text { PostgresCellText.write(value ?? 1, to: $0) } == expected)
        }
    }

    @Test func datesCountDaysFromTheYear2000() {
        // 2017-10-01 is day 6483 after 2000-01-01; the day before the epoch is -1.
        for (days, expected) in [(Int32(6483), "2017-10-01"), (0, "2000-01-01"), (-1, "1999-12-31")] {
            let bytes = Self.bigEndian(days)
            #expect(
                bytes.withUnsafeBytes { value in Self.text { PostgresCellText.writeDate(value, to: $0) } } == expected)
        }
        let infinite = Self.bigEndian(Int32.max)
        #expect(
            infinite.withUnsafeBytes { value in Self.text { PostgresCellText.writeDate(value, to: $0) } } == "infinity")
    }

    @Test func timestampsCountMicrosecondsAndDropTheFraction() {
        // 2017-07-04 15:30:00 is 552,497,400 s after 2000-01-01 00:00; 0.75 s before the epoch
        // is 1999-12-31 23:59:59.25, whose fraction is dropped as the CSV reader drops it.
        for (micros, expected) in [
            (Int64(552_497_400_000_000), "2017-07-04 15:30:00"), (-750_000, "1999-12-31 23:59:59"),
        ] {
            let bytes = Self.bigEndian(micros)
            #expect(
                bytes.withUnsafeBytes { value in Self.text { PostgresCellText.writeTimestamp(value, to: $0) } }
                    == expected)
        }
    }

    @Test func booleansAreWords() {
        #expect(
            [UInt8(1)].withUnsafeBytes { value in Self.text { PostgresCellText.writeBoolean(value, to: $0) } } == "true"
        )
        #expect(
            [UInt8(0)].withUnsafeBytes { value in Self.text { PostgresCellText.writeBoolean(value, to: $0) } }
                == "false")
    }
}
