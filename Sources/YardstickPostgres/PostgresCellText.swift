import YardstickData

/// Writes PostgreSQL's binary values as the text a CSV cell would hold, for the loader to type.
///
/// Every writer takes the value's bytes as the server sent them (big-endian, binary format)
/// and writes into memory the caller owns; nothing allocates. What each type becomes:
///
/// | PostgreSQL type | text |
/// | --- | --- |
/// | `boolean` | `true` / `false` |
/// | `smallint`, `integer`, `bigint` | decimal digits, `-` when negative |
/// | `numeric` | its digits, the mapping's decimal separator, the fraction without trailing zeros (`550.00` → `550`); `NaN`, `Infinity`, `-Infinity` as such (the loader rejects them) |
/// | `date` | `YYYY-MM-DD` (`infinity` / `-infinity` as such) |
/// | `timestamp` | `YYYY-MM-DD HH:MM:SS`, the fraction of a second dropped as the CSV reader drops it |
///
/// `real` and `double precision` are cast to `numeric` by the query (15 significant digits, as
/// the SQLite source writes a REAL), `timestamp with time zone` to the workspace's wall time,
/// and any other type to `text`, so only the types above arrive here.
enum PostgresCellText {
    /// The most bytes a date, timestamp, boolean or integer takes.
    static let fixedWidth = 32

    /// Days from 1970-01-01 to 2000-01-01, PostgreSQL's epoch.
    static let epochDays: Int64 = 10_957

    /// Writes `value` in decimal at `out`; returns the byte count.
    @inline(__always)
    static func write(_ value: Int64, to out: UnsafeMutableRawPointer) -> Int {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch on the stack
        return withUnsafeMutableBytes(of: &digits) { scratch -> Int in
            var magnitude = value.magnitude
            var position = scratch.count
            repeat {
                position -= 1
                scratch[position] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
                magnitude /= 10
            } while magnitude != 0
            var length = 0
            if value < 0 {
                out.storeBytes(of: UInt8(ascii: "-"), as: UInt8.self)
                length = 1
            }
            let count = scratch.count - position
            (out + length).copyMemory(from: scratch.baseAddress! + position, byteCount: count)
            return length + count
        }
    }

    /// Reads a big-endian signed integer of `bytes.count` bytes (2, 4 or 8).
    @inline(__always)
    static func integer(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        switch bytes.count {
        case 2: return Int64(Int16(bigEndian: bytes.loadUnaligned(as: Int16.self)))
        case 4: return Int64(Int32(bigEndian: bytes.loadUnaligned(as: Int32.self)))
        case 8: return Int64(bigEndian: bytes.loadUnaligned(as: Int64.self))
        default: return nil
        }
    }

    /// Writes a `boolean`.
    @inline(__always)
    static func writeBoolean(_ bytes: UnsafeRawBufferPointer, to out: UnsafeMutableRawPointer) -> Int {
        let word: StaticString = bytes.first == 1 ? "true" : "false"
        out.copyMemory(from: word.utf8Start, byteCount: word.utf8CodeUnitCount)
        return word.utf8CodeUnitCount
    }

    /// Writes a `date` (days since 2000-01-01) as `YYYY-MM-DD`.
    @inline(__always)
    static func writeDate(_ bytes: UnsafeRawBufferPointer, to out: UnsafeMutableRawPointer) -> Int {
        guard bytes.count == 4 else { return 0 }
        let days = Int32(bigEndian: bytes.loadUnaligned(as: Int32.self))
        if days == .max { return writeWord("infinity", to: out) }
        if days == .min { return writeWord("-infinity", to: out) }
        return writeDay(Int64(days) + epochDays, to: out)
    }

    /// Writes a `timestamp` (microseconds since 2000-01-01 00:00) as `YYYY-MM-DD HH:MM:SS`.
    @inline(__always)
    static func writeTimestamp(_ bytes: UnsafeRawBufferPointer, to out: UnsafeMutableRawPointer) -> Int {
        guard bytes.count == 8 else { return 0 }
        let micros = Int64(bigEndian: bytes.loadUnaligned(as: Int64.self))
        if micros == .max { return writeWord("infinity", to: out) }
        if micros == .min { return writeWord("-infinity", to: out) }
        let perDay: Int64 = 86_400_000_000
        var days = micros / perDay
        var rest = micros % perDay
        if rest < 0 {
            days -= 1
            rest += perDay
        }
        var length = writeDay(days + epochDays, to: out)
        let seconds = Int(rest / 1_000_000)
        out.storeBytes(of: UInt8(ascii: " "), toByteOffset: length, as: UInt8.self)
        length += 1
        length += writePair(seconds / 3600, to: out + length)
        out.storeBytes(of: UInt8(ascii: ":"), toByteOffset: length, as: UInt8.self)
        length += 1
        length += writePair(seconds / 60 % 60, to: out + length)
        out.storeBytes(of: UInt8(ascii: ":"), toByteOffset: length, as: UInt8.self)
        length += 1
        length += writePair(seconds % 60, to: out + length)
        return length
    }

    /// The most bytes ``writeNumeric(_:to:decimalSeparator:)`` writes for a value of these bytes.
    @inline(__always)
    static func numericWidth(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard bytes.count >= 8 else { return fixedWidth }
        let digits = Int(Int16(bigEndian: bytes.loadUnaligned(fromByteOffset: 0, as: Int16.self)))
        let weight = Int(Int16(bigEndian: bytes.loadUnaligned(fromByteOffset: 2, as: Int16.self)))
        let scale = Int(UInt16(bigEndian: bytes.loadUnaligned(fromByteOffset: 6, as: UInt16.self)))
        return 4 * (max(weight, 0) + 1) + 4 * max(digits, 0) + scale + fixedWidth
    }

    /// Writes a `numeric`: sign, whole digits, then `decimalSeparator` and the fraction's
    /// digits up to the value's scale, without trailing zeros. `out` must hold
    /// ``numericWidth(_:)`` bytes.
    static func writeNumeric(
        _ bytes: UnsafeRawBufferPointer, to out: UnsafeMutableRawPointer, decimalSeparator: UInt8
    ) -> Int {
        guard bytes.count >= 8 else { return 0 }
        let count = Int(Int16(bigEndian: bytes.loadUnaligned(fromByteOffset: 0, as: Int16.self)))
        let weight = Int(Int16(bigEndian: bytes.loadUnaligned(fromByteOffset: 2, as: Int16.self)))
        let sign = UInt16(bigEndian: bytes.loadUnaligned(fromByteOffset: 4, as: UInt16.self))
        let scale = Int(UInt16(bigEndian: bytes.loadUnaligned(fromByteOffset: 6, as: UInt16.self)))
        switch sign {
        case 0xC000: return writeWord("NaN", to: out)
        case 0xD000: return writeWord("Infinity", to: out)
        case 0xF000: return writeWord("-Infinity", to: out)
        default: break
        }
        guard count >= 0, bytes.count >= 8 + 2 * count else { return 0 }
        @inline(__always) func group(_ index: Int) -> Int {
            guard index >= 0, index < count else { return 0 }
            return Int(UInt16(bigEndian: bytes.loadUnaligned(fromByteOffset: 8 + 2 * index, as: UInt16.self)))
        }
        var length = 0
        @inline(__always) func put(_ byte: UInt8) {
            out.storeBytes(of: byte, toByteOffset: length, as: UInt8.self)
            length += 1
        }
        if sign == 0x4000 && count > 0 { put(UInt8(ascii: "-")) }
        // The whole part: groups 0...weight, the first without leading zeros.
        if weight < 0 {
            put(UInt8(ascii: "0"))
        } else {
            length += write(Int64(group(0)), to: out + length)
            var index = 1
            while index <= weight {
                writeGroup(group(index), to: out + length)
                length += 4
                index += 1
            }
        }
        // The fraction: `scale` digits from group weight + 1 on, trailing zeros dropped.
        guard scale > 0 else { return length }
        let separatorAt = length
        put(decimalSeparator)
        var index = weight + 1
        var written = 0
        while written < scale {
            writeGroup(group(index), to: out + length)
            let taken = min(4, scale - written)
            length += taken
            written += taken
            index += 1
        }
        while length > separatorAt + 1, out.load(fromByteOffset: length - 1, as: UInt8.self) == UInt8(ascii: "0") {
            length -= 1
        }
        return length == separatorAt + 1 ? separatorAt : length
    }

    /// Writes a base-10000 digit as four decimal digits.
    @inline(__always)
    private static func writeGroup(_ value: Int, to out: UnsafeMutableRawPointer) {
        out.storeBytes(of: UInt8(truncatingIfNeeded: value / 1000) &+ 0x30, as: UInt8.self)
        out.storeBytes(of: UInt8(truncatingIfNeeded: value / 100 % 10) &+ 0x30, toByteOffset: 1, as: UInt8.self)
        out.storeBytes(of: UInt8(truncatingIfNeeded: value / 10 % 10) &+ 0x30, toByteOffset: 2, as: UInt8.self)
        out.storeBytes(of: UInt8(truncatingIfNeeded: value % 10) &+ 0x30, toByteOffset: 3, as: UInt8.self)
    }

    /// Writes the day `day` (days since 1970-01-01) as `YYYY-MM-DD`.
    @inline(__always)
    private static func writeDay(_ day: Int64, to out: UnsafeMutableRawPointer) -> Int {
        guard let number = Int32(exactly: day) else { return 0 }
        let (year, month, dayOfMonth) = CivilDate.components(ofDay: number)
        guard (0...9999).contains(year) else { return write(Int64(year), to: out) }
        var length = writePair(year / 100, to: out)
        length += writePair(year % 100, to: out + length)
        out.storeBytes(of: UInt8(ascii: "-"), toByteOffset: length, as: UInt8.self)
        length += 1
        length += writePair(month, to: out + length)
        out.storeBytes(of: UInt8(ascii: "-"), toByteOffset: length, as: UInt8.self)
        length += 1
        length += writePair(dayOfMonth, to: out + length)
        return length
    }

    /// Writes a number below 100 as two digits.
    @inline(__always)
    private static func writePair(_ value: Int, to out: UnsafeMutableRawPointer) -> Int {
        out.storeBytes(of: UInt8(truncatingIfNeeded: value / 10) &+ 0x30, as: UInt8.self)
        out.storeBytes(of: UInt8(truncatingIfNeeded: value % 10) &+ 0x30, toByteOffset: 1, as: UInt8.self)
        return 2
    }

    /// Writes a word such as `infinity`.
    private static func writeWord(_ word: StaticString, to out: UnsafeMutableRawPointer) -> Int {
        out.copyMemory(from: word.utf8Start, byteCount: word.utf8CodeUnitCount)
        return word.utf8CodeUnitCount
    }
}
