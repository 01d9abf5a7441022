/// An exact decimal number stored as an integer count of 1/10,000ths.
///
/// Money must not drift: sums of amounts are integer sums, so `0.1 + 0.2` is exactly `0.3`.
/// Four decimal places cover every currency and score in CRM data; a source value with more
/// places is rejected at load rather than rounded.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The number of decimal places kept.
    public static let scale = 4
    /// `10^scale`: the stored integer for the value 1.
    public static let unit: Int64 = 10_000

    /// The value times ``unit``.
    public var scaled: Int64

    /// Creates a decimal from its scaled representation.
    public init(scaled: Int64) { self.scaled = scaled }

    /// Creates a decimal from a whole number.
    public init(_ integer: Int64) { self.scaled = integer * Self.unit }

    /// The nearest binary floating-point value (for ratios and display, never for sums).
    public var doubleValue: Double { Double(scaled) / Double(Self.unit) }

    /// The value written with the fewest decimal places needed (`1054`, `12.5`, `-0.0001`).
    public var description: String {
        let negative = scaled < 0
        let magnitude = scaled.magnitude
        let whole = magnitude / UInt64(Self.unit)
        var fraction = magnitude % UInt64(Self.unit)
        var text = negative ? "-\(whole)" : "\(whole)"
        if fraction != 0 {
            var digits = Self.scale
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            let padded = String(fraction)
            text += "." + String(repeating: "0", count: digits - padded.count) + padded
        }
        return text
    }

    /// Orders decimals by value.
    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        lhs.scaled < rhs.scaled
    }

    /// Parses text such as `1,234.50` or `-12` with the given separators.
    ///
    /// - Parameters:
    ///   - text: The UTF-8 bytes of the value; surrounding spaces are ignored.
    ///   - decimalSeparator: The byte between whole and fraction (`.` or `,`).
    ///   - groupingSeparator: A byte allowed between digit groups and ignored, if any.
    /// - Returns: The decimal, or nil when the text is not a decimal number, has more than
    ///   ``scale`` decimal places, or does not fit.
    public static func parse(
        _ text: UnsafeRawBufferPointer, decimalSeparator: UInt8 = UInt8(ascii: "."),
        groupingSeparator: UInt8? = nil
    ) -> ExactDecimal? {
        var index = 0
        var end = text.count
        while index < end, text[index] == 0x20 { index += 1 }
        while end > index, text[end - 1] == 0x20 { end -= 1 }
        guard index < end else { return nil }
        var negative = false
        if text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
            negative = text[index] == UInt8(ascii: "-")
            index += 1
        }
        var value: Int64 = 0
        var digits = 0
        var fractionDigits = -1
        while index < end {
            let byte = text[index]
            index += 1
            if byte >= 0x30 && byte <= 0x39 {
                if fractionDigits >= 0 {
                    if fractionDigits == scale {
                        if byte == 0x30 { continue }  // trailing zeros beyond the scale are exact
                        return nil
                    }
                    fractionDigits += 1
                }
                let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(Int64(byte - 0x30))
                if overflow1 || overflow2 { return nil }
                value = sum
                digits += 1
            } else if byte == decimalSeparator, fractionDigits < 0 {
                fractionDigits = 0
            } else if let grouping = groupingSeparator, byte == grouping, fractionDigits < 0,
                digits > 0
            {
                continue
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        let places = max(fractionDigits, 0)
        var multiplier: Int64 = 1
        for _ in places..<scale { multiplier *= 10 }
        let (scaledValue, overflow) = value.multipliedReportingOverflow(by: multiplier)
        if overflow { return nil }
        return ExactDecimal(scaled: negative ? -scaledValue : scaledValue)
    }
}
