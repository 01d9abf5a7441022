import YardstickData

/// Numbers written for people to read (Markdown, and any report meant for reading): rounded by
/// unit, with thousands separators.
///
/// | unit | written | example |
/// |---|---|---|
/// | money | two decimals, grouped | `72,878.00` |
/// | percent | ×100, one decimal, `%` | `31.3%` |
/// | count | a whole number, grouped | `1,425` |
/// | days, hours, score | one decimal, grouped | `53.5` |
/// | seconds | a clock reading | `2:23`, `1:02:03` |
/// | ratio, number | two decimals, grouped | `1.25` |
///
/// Halves round away from zero; a value that rounds to zero carries no sign. Exact decimals
/// (money) are rounded from their exact digits, not through a double. The separators are the
/// same in English and Chinese (`1,234.50`), as both locales write them.
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
            if unit == .seconds { return ResultValue.clock(seconds: integer) }
            if unit == .count || decimals(unit) == nil { return grouped(units: integer, decimals: 0) }
            return text(Double(integer), unit: unit)
        case .decimal(let decimal):
            switch unit {
            case .percent, .seconds: return text(decimal.doubleValue, unit: unit)
            default:
                let places = decimals(unit) ?? 0
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

    /// A number for reading in `unit` (see the type's table).
    ///
    /// - Parameters:
    ///   - number: The number (a fraction for percent, seconds for seconds).
    ///   - unit: What it measures.
    package static func text(_ number: Double, unit: IndicatorUnit) -> String {
        guard number.isFinite else { return ResultValue.plain(number) }
        switch unit {
        case .percent:
            return fixed(number * 100, decimals: 1) + "%"
        case .seconds:
            let whole = number.rounded(.toNearestOrAwayFromZero)
            guard abs(whole) < 9e18 else { return ResultValue.plain(number) }
            return ResultValue.clock(seconds: Int64(whole))
        default:
            return fixed(number, decimals: decimals(unit) ?? 0)
        }
    }

    /// `number` rounded to `decimals` places (halves away from zero), grouped by thousands.
    package static func fixed(_ number: Double, decimals: Int) -> String {
        guard number.isFinite else { return ResultValue.plain(number) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (number * scale).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9e18 else { return ResultValue.plain(number) }
        return grouped(units: Int64(scaled), decimals: decimals)
    }

    /// The places a unit is written with; nil for whole numbers (count).
    private static func decimals(_ unit: IndicatorUnit) -> Int? {
        switch unit {
        case .count: nil
        case .money, .ratio, .number: 2
        case .days, .hours, .score, .percent: 1
        case .seconds: 0
        }
    }

    /// `units` hundredths (for `decimals` 2) as grouped text: `(-123456, 2)` → `-1,234.56`.
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
