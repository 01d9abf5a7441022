import Foundation

/// How SQLite's INTEGER and REAL values become cell text for the loader's typing.
///
/// - An INTEGER is written in decimal (`-42`), as a CSV cell would hold it.
/// - A REAL that is a whole number below 2⁶³ in magnitude is written as an integer (`3.0` →
///   `3`), so an integer field takes it; any other REAL is written as SQLite itself writes it
///   as text (`CAST(x AS TEXT)`): rounded to 15 significant digits, the most a double holds of
///   any decimal, trailing zeros dropped (`1278.56`, and `0.1 + 0.2` → `0.3`), with the
///   mapping's decimal separator. The loader then applies the field's rules exactly as
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
    /// Without formatting in the common case: the value scaled to 15 significant digits and
    /// rounded is an integer below 10¹⁵ (exact in a double), whose trailing zeros are dropped.
    /// Values too small for that (below 10⁻⁸) and non-finite ones go through `%.15g`.
    static func write(_ value: Double, to slot: UnsafeMutableRawPointer, decimalSeparator: UInt8) -> Int {
        if value.isFinite, value == value.rounded(.towardZero), abs(value) < 9.223_372_036_854_775_807e18 {
            return write(Int64(value), to: slot)
        }
        let magnitude = abs(value)
        if value.isFinite, magnitude >= 1e-8 {
            // The exponent of the leading digit: 10^exponent <= magnitude < 10^(exponent + 1).
            var exponent = Int(log10(magnitude).rounded(.down))
            if exponent + 1 >= 0, exponent + 1 <= 22, magnitude >= powersOfTen[exponent + 1] { exponent += 1 }
            if exponent >= 0, exponent <= 22, magnitude < powersOfTen[exponent] { exponent -= 1 }
            var places = 14 - exponent
            if places >= 0, places <= 22 {
                var scaled = (magnitude * powersOfTen[places]).rounded()
                if scaled >= 1e15, places > 0 {
                    places -= 1
                    scaled = (magnitude * powersOfTen[places]).rounded()
                }
                var digits = Int64(scaled)
                while places > 0, digits % 10 == 0 {
                    digits /= 10
                    places -= 1
                }
                let signed = value < 0 ? -digits : digits
                if places == 0 { return write(signed, to: slot) }
                return write(signed, places: places, to: slot, decimalSeparator: decimalSeparator)
            }
        }
        let text = slot.assumingMemoryBound(to: CChar.self)
        let length = min(Int(withVaList([value]) { vsnprintf(text, slotSize, "%.15g", $0) }), slotSize - 1)
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
