import YardstickData

/// Numbers written for people to read: the one formatter of every report meant for reading —
/// the terminal tables of `run` and `score`, `explain`, the alerts, Markdown and the HTML
/// pages. CSV, JSON and the xlsx cells keep the figures as numbers (see
/// ``ResultValue/writtenText`` and docs/run-output.md).
///
/// | unit | written | example |
/// |---|---|---|
/// | money | two decimals, grouped | `72,878.00` |
/// | percent | ×100, one decimal, `%` | `31.3%` |
/// | count | a whole number, grouped | `1,425` |
/// | days, hours, score | one decimal, grouped | `53.5` |
/// | seconds | a clock reading | `2:23`, `1:02:03` |
/// | ratio | two decimals, grouped | `1.25` |
/// | number (and any unit a figure lacks) | at most two decimals, trailing zeros left out | `1,000.5`, `3` |
///
/// Halves round away from zero; a value that rounds to zero carries no sign (`-0.004` money is
/// `0.00`). Exact decimals (money) are rounded from their exact digits, not through a double.
/// A missing value reads `—` (its reason stays in `explain`, CSV and JSON), a failed one
/// `error` (`错误`). Non-finite numbers read `NaN`, `inf`, `-inf`.
///
/// The separators are the same in English and Chinese (`1,234.50`): Simplified Chinese business
/// documents group by thousands with `,` and use `.` as the decimal point, so the locale changes
/// only the words (`错误`), never the digits.
package enum ReadableNumber {
    /// A figure for reading: the number by unit, `—` when missing, `error` (`错误`) when failed.
    ///
    /// - Parameters:
    ///   - value: The figure.
    ///   - unit: Its indicator's unit.
    ///   - locale: `en` or `zh-CN`.
    package static func text(_ value: ResultValue, unit: IndicatorUnit, locale: String = "en") -> String {
        switch value {
        case .missing: return "—"
        case .failed: return OutputLocale.isChinese(locale) ? "错误" : "error"
        case .integer(let integer):
            switch unit {
            case .seconds: return ResultValue.clock(seconds: integer)
            case .count, .number: return grouped(units: integer, decimals: 0)
            default: return text(Double(integer), unit: unit)
            }
        case .decimal(let decimal):
            switch unit {
            case .percent, .seconds, .number: return text(decimal.doubleValue, unit: unit)
            default:
                let places = decimals(unit)
                var divisor: Int64 = 1
                for _ in places..<4 { divisor *= 10 }
                let magnitude = (decimal.scaled.magnitude + divisor.magnitude / 2) / divisor.magnitude
                let units = Int64(clamping: magnitude)
                return grouped(units: decimal.scaled < 0 ? -units : units, decimals: places)
            }
        case .number(let number):
            return text(number, unit: unit)
        }
    }

    /// A number for reading in `unit` (see the type's table); `—` when nil.
    ///
    /// - Parameters:
    ///   - number: The number (a fraction for percent, seconds for seconds).
    ///   - unit: What it measures.
    package static func text(_ number: Double?, unit: IndicatorUnit) -> String {
        guard let number else { return "—" }
        guard number.isFinite else { return ResultValue.plain(number) }
        switch unit {
        case .percent:
            return percent(number)
        case .seconds:
            let whole = number.rounded(.toNearestOrAwayFromZero)
            guard abs(whole) < 9e18 else { return ResultValue.plain(number) }
            return ResultValue.clock(seconds: Int64(whole))
        case .number:
            return grouped(number, decimals: 2, trimmed: true)
        default:
            return grouped(number, decimals: decimals(unit))
        }
    }

    /// A fraction as a percentage with one decimal: 1.05 → `105.0%`; `—` when nil.
    package static func percent(_ fraction: Double?) -> String {
        guard let fraction else { return "—" }
        guard fraction.isFinite else { return ResultValue.plain(fraction) }
        return grouped(fraction * 100, decimals: 1) + "%"
    }

    /// A score with one decimal (halves away from zero): `87.5`; `—` when nil.
    package static func score(_ number: Double?) -> String {
        guard let number else { return "—" }
        return grouped(number, decimals: 1)
    }

    /// The number rounded to `decimals` places (halves away from zero), its whole part grouped
    /// in thousands with `,`: `grouped(1278.561404, decimals: 2)` is `1,278.56`. With
    /// `trimmed`, trailing zeros of the fraction (and a bare point) are left out. A number too
    /// large to round this way is written plainly.
    package static func grouped(_ number: Double, decimals: Int, trimmed: Bool = false) -> String {
        guard number.isFinite else { return ResultValue.plain(number) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (number * scale).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9e18 else { return ResultValue.plain(number) }
        let text = grouped(units: Int64(scaled), decimals: decimals)
        guard trimmed, decimals > 0 else { return text }
        var digits = Substring(text)
        while digits.last == "0" { digits.removeLast() }
        if digits.last == "." { digits.removeLast() }
        return String(digits)
    }

    /// The places a unit is written with (seconds are a clock, rounded to the second).
    private static func decimals(_ unit: IndicatorUnit) -> Int {
        switch unit {
        case .count, .seconds: 0
        case .money, .ratio, .number: 2
        case .days, .hours, .score, .percent: 1
        }
    }

    /// `units` hundredths (for `decimals` 2) as grouped text: `(-123456, 2)` → `-1,234.56`;
    /// zero carries no sign.
    static func grouped(units: Int64, decimals: Int) -> String {
        var divisor: UInt64 = 1
        for _ in 0..<decimals { divisor *= 10 }
        let magnitude = units.magnitude
        let whole = String(magnitude / divisor)
        var text = ""
        for (index, digit) in whole.enumerated() {
            if index > 0, (whole.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        if decimals > 0 {
            let fraction = String(magnitude % divisor)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return (units < 0 ? "-" : "") + text
    }
}
