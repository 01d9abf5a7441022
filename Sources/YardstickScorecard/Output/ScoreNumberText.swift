import YardstickEngine

/// How the score writers write numbers: CSV and JSON at full precision as the run's writers do
/// (``ResultValue/plainText``: integral values without a decimal point, others in the shortest
/// form that reads back to the same double, no grouping, no exponent for ordinary magnitudes,
/// completions as fractions); the leaderboard rounded for reading.
enum ScoreNumberText {
    /// CSV text of a number: full precision, empty when nil.
    static func plain(_ number: Double?) -> String {
        number.map { ResultValue.number($0).plainText } ?? ""
    }

    /// CSV text of a whole number, empty when nil.
    static func plain(_ number: Int?) -> String {
        number.map(String.init) ?? ""
    }

    /// A JSON number at full precision; `null` when nil; non-finite numbers as the strings
    /// `"NaN"`, `"inf"`, `"-inf"` (as in the run's JSON).
    static func json(_ number: Double?) -> JSONText {
        guard let number else { return .null }
        let text = ResultValue.number(number).plainText
        return number.isFinite ? .number(text) : .string(text)
    }

    /// A JSON whole number; `null` when nil.
    static func json(_ number: Int?) -> JSONText {
        number.map { .number(String($0)) } ?? .null
    }

    /// A score or weight for the leaderboard: one decimal place, halves away from zero (`87.5`,
    /// `100.0`); `—` when nil.
    static func score(_ number: Double?) -> String {
        ReadableNumber.score(number)
    }

    /// A completion for the leaderboard: a percentage with one decimal place (`105.0%`); `—`
    /// when nil.
    static func percent(_ fraction: Double?) -> String {
        ReadableNumber.percent(fraction)
    }

    /// A value in its indicator's unit, for the leaderboard's alert lines (`31.3%`, `2:23`,
    /// `1054.5`).
    static func value(_ number: Double, unit: IndicatorUnit?, locale: String) -> String {
        ReadableNumber.text(number, unit: unit ?? .number)
    }
}

extension ScoreNumberText {
    /// Appends a number's CSV text — exactly ``plain(_:)-(Double?)``'s, without making a string
    /// for whole numbers (most figures).
    static func appendPlain(_ number: Double, to bytes: inout [UInt8]) {
        if number.isFinite, number == number.rounded(), abs(number) < 1e15 {
            appendDigits(Int64(number), to: &bytes)
        } else {
            bytes.append(contentsOf: ResultValue.number(number).plainText.utf8)
        }
    }

    /// Appends a whole number's decimal digits (with a leading `-` when negative).
    static func appendDigits(_ number: Int64, to bytes: inout [UInt8]) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        guard magnitude != 0 else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for the 19 digits of Int64, filled from the end
        withUnsafeMutableBytes(of: &digits) { buffer in
            var position = buffer.count
            while magnitude != 0 {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[position...]))
        }
    }
}
