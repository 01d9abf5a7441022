import YardstickData

/// The value of one indicator for one subject and period: a number, or why there is none.
///
/// A missing value is not an error: the win rate of a user who closed no deals is
/// `.missing(reason: "no deals closed")`. A failed value is one whose script raised an error.
public enum ResultValue: Sendable, Equatable {
    /// A whole number.
    case integer(Int64)
    /// A binary floating-point number (ratios, averages).
    case number(Double)
    /// An exact decimal (money).
    case decimal(ExactDecimal)
    /// No value, for the given reason.
    case missing(reason: String)
    /// The evaluation failed with the given message.
    case failed(message: String)

    /// Whether a value is present, missing or failed.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// A value is present.
        case ok
        /// There is no value, for a reason.
        case missing
        /// The evaluation failed.
        case failed
    }

    /// Whether the value is present, missing or failed.
    public var status: Status {
        switch self {
        case .integer, .number, .decimal: .ok
        case .missing: .missing
        case .failed: .failed
        }
    }

    /// The reason a value is missing or the message it failed with; nil when present.
    public var reason: String? {
        switch self {
        case .integer, .number, .decimal: nil
        case .missing(let reason): reason
        case .failed(let message): message
        }
    }

    /// The value as plain text at full precision: empty when missing or failed.
    ///
    /// Integers are written as they are, decimals with the fewest places needed (`1054.5`),
    /// and floating-point numbers in the shortest form that reads back to the same double
    /// (`0.3333333333333333`, `2.5`): what the run history keeps and the score CSV and JSON
    /// write. The run's CSV and JSON round to six decimal places instead
    /// (`writtenText`). Percent values stay fractions here (`0.3125`). Non-finite numbers read
    /// `NaN`, `inf`, `-inf`.
    public var plainText: String {
        switch self {
        case .integer(let value): String(value)
        case .number(let value):
            value.isFinite
                ? (value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : value.description)
                : Self.plain(value)
        case .decimal(let value): value.description
        case .missing, .failed: ""
        }
    }

    /// The value as the run's CSV and JSON write it (docs/run-output.md): empty when missing or
    /// failed.
    ///
    /// Integers as they are (`42`), exact decimals with the fewest places needed (`1054.5`, at
    /// most four), floating-point numbers rounded to at most six decimal places, halves away
    /// from zero, trailing zeros removed and no exponent for ordinary magnitudes: 1/3 is
    /// `0.333333`, 2/3 `0.666667`, 1e-9 and -0.0 are `0`, 123456789.1234567 is
    /// `123456789.123457`. Non-finite numbers read `NaN`, `inf`, `-inf`.
    package var writtenText: String {
        switch self {
        case .number(let value): Self.plain(value)
        default: plainText
        }
    }

    /// The value in a compact text that stays machine-readable: percent values as `31.3%`,
    /// seconds as `2:23`, other numbers rounded to six decimals without grouping (`1278.561404`).
    /// Reports people read use the package's readable formatter instead (`1,278.56`).
    ///
    /// Percent values are multiplied by 100 and rounded to one decimal place (`31.3%`);
    /// seconds are rounded to the second and shown as `2:23` or `1:02:03`;
    /// other numbers are rounded to six decimal places without an exponent (`0.333333`). A missing value reads `—`, a failed one `error`
    /// (`错误` in Chinese).
    ///
    /// - Parameters:
    ///   - unit: The indicator's unit.
    ///   - locale: `en` or `zh-CN`.
    public func tableText(unit: IndicatorUnit, locale: String = "en") -> String {
        switch self {
        case .missing: return "—"
        case .failed: return OutputLocale.isChinese(locale) ? "错误" : "error"
        case .integer(let value) where unit == .percent:
            let (tenths, overflow) = value.multipliedReportingOverflow(by: 1000)
            return overflow ? plainText : Self.percent(tenths: tenths)
        case .decimal(let value) where unit == .percent:
            let magnitude = (value.scaled.magnitude + 5) / 10
            return Self.percent(tenths: value.scaled < 0 ? -Int64(magnitude) : Int64(magnitude))
        case .number(let value) where unit == .percent:
            let tenths = (value * 1000).rounded()
            guard tenths.isFinite, abs(tenths) < 9e18 else { return plainText }
            return Self.percent(tenths: Int64(tenths))
        case .integer(let value) where unit == .seconds:
            return Self.clock(seconds: value)
        case .decimal(let value) where unit == .seconds:
            let whole = (value.scaled.magnitude + ExactDecimal.unit.magnitude / 2) / ExactDecimal.unit.magnitude
            return Self.clock(seconds: value.scaled < 0 ? -Int64(whole) : Int64(whole))
        case .number(let value) where unit == .seconds:
            let whole = value.rounded()
            guard whole.isFinite, abs(whole) < 9e18 else { return Self.plain(value) }
            return Self.clock(seconds: Int64(whole))
        case .number(let value):
            return Self.plain(value)
        default:
            return plainText
        }
    }

    /// Whole seconds as a clock reading: `2:23` below an hour, `1:02:03` from an hour on,
    /// with a leading `-` when negative.
    static func clock(seconds: Int64) -> String {
        let magnitude = seconds.magnitude
        let (hours, minutes, rest) = (magnitude / 3600, magnitude / 60 % 60, magnitude % 60)
        func twoDigits(_ value: UInt64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let text = hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" : "\(minutes):\(twoDigits(rest))"
        return (seconds < 0 ? "-" : "") + text
    }

    /// `tenths` of a percent as text: 313 → `31.3%`.
    static func percent(tenths: Int64) -> String {
        let magnitude = tenths.magnitude
        return (tenths < 0 ? "-" : "") + "\(magnitude / 10).\(magnitude % 10)%"
    }

    /// A double rounded to six decimal places without trailing zeros or an exponent.
    static func plain(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : value < 0 ? "-inf" : "inf" }
        let millionths = (value * 1_000_000).rounded()
        guard abs(millionths) < 9e18 else {
            let whole = value.rounded()
            return abs(whole) < 9e18 ? String(Int64(whole)) : "\(value)"
        }
        let magnitude = Int64(abs(millionths))
        guard magnitude != 0 else { return "0" }
        var text = (millionths < 0 ? "-" : "") + String(magnitude / 1_000_000)
        var fraction = magnitude % 1_000_000
        if fraction != 0 {
            var digits = 6
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            let written = String(fraction)
            text += "." + String(repeating: "0", count: digits - written.count) + written
        }
        return text
    }
}
