import YardstickEngine
import YardstickScoring

/// The words and numbers the alert writers show, in English or Simplified Chinese.
///
/// Numbers are shown by the indicator's unit: percent values as `31.3%`, seconds as `2:56`,
/// everything else rounded to two decimal places without trailing zeros (`45.45`, `500`).
/// Completions are always percentages with one decimal place.
struct AlertText {
    /// Whether the text is Chinese.
    let chinese: Bool

    /// Text in `locale` (`zh…` reads as Chinese, anything else as English).
    init(locale: String) {
        chinese = locale.lowercased().hasPrefix("zh")
    }

    /// The kind as a table cell: `reached 80%`, `behind pace`, `period end`.
    func kind(_ alert: Alert) -> String {
        switch alert.kind {
        case .milestone:
            let mark = alert.mark.map(Self.mark) ?? ""
            return chinese ? "达到 \(mark)" : "reached \(mark)"
        case .behindPace: return chinese ? "进度落后" : "behind pace"
        case .periodEnd: return chinese ? "期末提醒" : "period end"
        }
    }

    /// The subject as a table cell: the name, with the grain for rollup units
    /// (`East (team)`, `东区（团队）`).
    func subject(_ alert: Alert) -> String {
        guard alert.subject.grain != .user else { return alert.subjectName }
        let grain = alert.subject.grain.name(locale: chinese ? "zh-CN" : "en")
        return chinese ? "\(alert.subjectName)（\(grain)）" : "\(alert.subjectName) (\(grain))"
    }

    /// A milestone mark as a percentage, whole when it is (`0.8` → `80%`, `0.825` → `82.5%`).
    static func mark(_ fraction: Double) -> String {
        let percent = fraction * 100
        let whole = percent.rounded()
        return abs(percent - whole) < 1e-9 && abs(whole) < 1e15 ? "\(Int64(whole))%" : Self.percent(fraction)
    }

    /// A fraction as a percentage with one decimal place (`0.645` → `64.5%`).
    static func percent(_ fraction: Double) -> String {
        ReadableNumber.percent(fraction)
    }

    /// A value of an indicator in its unit, written for reading (``ReadableNumber``); a count
    /// keeps up to two decimals, since what each remaining day needs is rarely whole
    /// (`1.45` deals a day).
    static func amount(_ value: Double, unit: IndicatorUnit) -> String {
        switch unit {
        case .count: ReadableNumber.grouped(value, decimals: 2, trimmed: true)
        default: ReadableNumber.text(value, unit: unit)
        }
    }

    /// One sentence saying who, which target, where they stand and what each remaining day
    /// needs: `Ann — Won revenue: behind pace, 50.0% (500 of 1000); 64.5% expected; needs 45.45
    /// a day for 11 days` (`(80, ceiling 60)` when lower is better).
    func sentence(_ alert: Alert, title: String, unit: IndicatorUnit) -> String {
        let value = Self.amount(alert.value, unit: unit)
        let target = Self.amount(alert.target, unit: unit)
        let completion = Self.percent(alert.completion)
        var parts: [String] = []
        if chinese {
            let figures = alert.direction == .higherIsBetter ? "\(value) / \(target)" : "\(value)，上限 \(target)"
            parts.append("\(subject(alert)) — \(title)：\(kind(alert))，完成 \(completion)（\(figures)）")
            if alert.kind == .behindPace { parts.append("应达 \(Self.percent(alert.expectedCompletion))") }
            if let pipeline = alert.pipeline { parts.append("在途 \(Self.amount(pipeline, unit: unit))") }
            if let perDay = alert.neededPerDay, alert.remaining > 0 {
                parts.append("剩余 \(alert.remainingDays) 天每天需 \(Self.amount(perDay, unit: unit))")
            } else if alert.remaining > 0 {
                let gap = Self.amount(alert.remaining, unit: unit)
                parts.append(alert.direction == .higherIsBetter ? "尚差 \(gap)" : "超出目标 \(gap)")
            }
            return parts.joined(separator: "，")
        }
        let figures = alert.direction == .higherIsBetter ? "\(value) of \(target)" : "\(value), ceiling \(target)"
        parts.append("\(subject(alert)) — \(title): \(kind(alert)), \(completion) (\(figures))")
        if alert.kind == .behindPace { parts.append("\(Self.percent(alert.expectedCompletion)) expected") }
        if let pipeline = alert.pipeline { parts.append("\(Self.amount(pipeline, unit: unit)) in pipeline") }
        if let perDay = alert.neededPerDay, alert.remaining > 0 {
            let days = alert.remainingDays == 1 ? "1 day" : "\(alert.remainingDays) days"
            parts.append("needs \(Self.amount(perDay, unit: unit)) a day for \(days)")
        } else if alert.remaining > 0 {
            let gap = Self.amount(alert.remaining, unit: unit)
            parts.append(alert.direction == .higherIsBetter ? "\(gap) short" : "\(gap) over the target")
        }
        return parts.joined(separator: "; ")
    }
}
