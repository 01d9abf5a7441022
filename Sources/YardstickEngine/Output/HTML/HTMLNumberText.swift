/// How an HTML page writes numbers for people: by unit, grouped in thousands, with a fixed
/// number of decimals.
///
/// | unit | example |
/// | --- | --- |
/// | money | `1,278.56` |
/// | percent (a fraction) | `31.3%` |
/// | days, hours | `53.5` |
/// | seconds | `2:23`, `1:02:03` |
/// | count | `72,878` (a fractional count keeps two decimals) |
/// | ratio | `1.25` |
/// | score | `87.5` |
/// | number | up to two decimals, without trailing zeros |
///
/// English and Chinese both group with `,` and use `.` for the decimal point, as is usual in
/// Simplified Chinese business documents. Non-finite numbers read `NaN`, `inf`, `-inf`.
package enum HTMLNumberText {
    /// A value in its indicator's unit.
    ///
    /// - Parameters:
    ///   - number: The value.
    ///   - unit: The indicator's unit.
    /// - Returns: The text, or `—` when `number` is nil.
    package static func value(_ number: Double?, unit: IndicatorUnit) -> String {
        guard let number else { return "—" }
        guard number.isFinite else { return ResultValue.number(number).plainText }
        switch unit {
        case .money, .ratio: return grouped(number, decimals: 2)
        case .percent: return percent(number)
        case .days, .hours, .score: return grouped(number, decimals: 1)
        case .seconds: return ResultValue.number(number).tableText(unit: .seconds)
        case .count:
            return number == number.rounded() ? grouped(number, decimals: 0) : grouped(number, decimals: 2)
        case .number: return grouped(number, decimals: 2, trimmed: true)
        }
    }

    /// A result of a run in its unit: `—` when missing, `error` (`错误`) when failed.
    ///
    /// - Parameters:
    ///   - value: The run's value.
    ///   - unit: The indicator's unit.
    ///   - locale: `en` or `zh-CN`.
    /// - Returns: The text.
    package static func value(_ value: ResultValue, unit: IndicatorUnit, locale: String) -> String {
        switch value {
        case .integer(let whole): return self.value(Double(whole), unit: unit)
        case .number(let number): return self.value(number, unit: unit)
        case .decimal(let decimal): return self.value(decimal.doubleValue, unit: unit)
        case .missing, .failed: return value.tableText(unit: unit, locale: locale)
        }
    }

    /// A fraction as a percentage with one decimal: 1.05 → `105.0%`; `—` when nil.
    package static func percent(_ fraction: Double?) -> String {
        guard let fraction else { return "—" }
        guard fraction.isFinite else { return ResultValue.number(fraction).plainText }
        return grouped(fraction * 100, decimals: 1) + "%"
    }

    /// A score with one decimal (halves away from zero): `87.5`; `—` when nil.
    package static func score(_ number: Double?) -> String {
        guard let number else { return "—" }
        guard number.isFinite else { return ResultValue.number(number).plainText }
        return grouped(number, decimals: 1)
    }

    /// The number rounded to `decimals` places (halves away from zero), its whole part grouped
    /// in thousands with `,`: `grouped(1278.561404, decimals: 2)` is `1,278.56`. With
    /// `trimmed`, trailing zeros of the fraction (and a bare point) are left out.
    package static func grouped(_ number: Double, decimals: Int, trimmed: Bool = false) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(number) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { return ResultValue.number(number).plainText }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        let whole = String(units / divisor)
        var text = ""
        for (offset, digit) in whole.enumerated() {
            if offset > 0, (whole.count - offset) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        if decimals > 0 {
            let fraction = String(units % divisor)
            var digits = String(repeating: "0", count: decimals - fraction.count) + fraction
            if trimmed {
                while digits.last == "0" { digits.removeLast() }
            }
            if !digits.isEmpty { text += "." + digits }
        }
        return (number < 0 && units != 0 ? "-" : "") + text
    }
}
