import Foundation

/// How SQLite's INTEGER and REAL values become cell text for the loader's typing.
///
/// - An INTEGER is written in decimal (`-42`), as a CSV cell would hold it.
/// - A REAL that is a whole number below 2⁶³ in magnitude is written as an integer (`3.0` →
///   `3`), so an integer field takes it; any other REAL is written with the fewest significant
///   digits (15 to 17) that read back as the same double (`1278.56`, `0.30000000000000004`),
///   with the mapping's decimal separator. The loader then applies the field's rules exactly as
///   to CSV text: an integer field rejects `2.5`, a decimal field rejects more than
///   ``ExactDecimal/scale`` places, and a non-finite REAL (`inf`, `nan`) is rejected everywhere
///   but in a string field.
enum SQLiteCellText {
    /// The bytes of one scratch slot: enough for any `Int64` and any `%.17g` double.
    static let slotSize = 48

    /// Writes `value` in decimal at `slot`; returns the length.
    @inline(__always)
    static func write(_ value: Int64, to slot: UnsafeMutableRawPointer) -> Int {
        var magnitude = value.magnitude
        var end = slotSize
        repeat {
            end -= 1
            slot.storeBytes(of: UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30, toByteOffset: end, as: UInt8.self)
            magnitude /= 10
        } while magnitude > 0
        if value < 0 {
            end -= 1
            slot.storeBytes(of: UInt8(ascii: "-"), toByteOffset: end, as: UInt8.self)
        }
        let length = slotSize - end
        if end > 0 { slot.copyMemory(from: slot + end, byteCount: length) }
        return length
    }

    /// Powers of ten that a double holds exactly.
    private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    /// Writes `value` as described above at `slot`; returns the length.
    ///
    /// The common case (a decimal number of up to 15 significant digits) is found without
    /// formatting: the fewest places `p` for which `round(value × 10ᵖ) / 10ᵖ` is `value` again
    /// (both operands exact, so the quotient is the double nearest that decimal: what a parser
    /// reading the text would give). Other values go through `%.17g`.
    static func write(_ value: Double, to slot: UnsafeMutableRawPointer, decimalSeparator: UInt8) -> Int {
        if value.isFinite, value == value.rounded(.towardZero), abs(value) < 9.223_372_036_854_775_807e18 {
            return write(Int64(value), to: slot)
        }
        if value.isFinite {
            for places in 1...17 {
                let scaled = (value * powersOfTen[places]).rounded()
                guard abs(scaled) < 9_007_199_254_740_992 else { break }
                if scaled / powersOfTen[places] == value {
                    return write(Int64(scaled), places: places, to: slot, decimalSeparator: decimalSeparator)
                }
            }
        }
        let text = slot.assumingMemoryBound(to: CChar.self)
        let length = min(Int(withVaList([value]) { vsnprintf(text, slotSize, "%.17g", $0) }), slotSize - 1)
        if decimalSeparator != UInt8(ascii: ".") {
            for offset in 0..<length where slot.load(fromByteOffset: offset, as: UInt8.self) == UInt8(ascii: ".") {
                slot.storeBytes(of: decimalSeparator, toByteOffset: offset, as: UInt8.self)
            }
        }
        return length
    }

    /// Writes `scaled / 10^places` in fixed notation (`-0.05` for -5 and 2 places).
    private static func write(
        _ scaled: Int64, places: Int, to slot: UnsafeMutableRawPointer, decimalSeparator: UInt8
    ) -> Int {
        var magnitude = scaled.magnitude
        var end = slotSize
        var written = 0
        while magnitude > 0 || written <= places {
            if written == places {
                end -= 1
                slot.storeBytes(of: decimalSeparator, toByteOffset: end, as: UInt8.self)
            }
            end -= 1
            slot.storeBytes(of: UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30, toByteOffset: end, as: UInt8.self)
            magnitude /= 10
            written += 1
        }
        if scaled < 0 {
            end -= 1
            slot.storeBytes(of: UInt8(ascii: "-"), toByteOffset: end, as: UInt8.self)
        }
        let length = slotSize - end
        slot.copyMemory(from: slot + end, byteCount: length)
        return length
    }
}
