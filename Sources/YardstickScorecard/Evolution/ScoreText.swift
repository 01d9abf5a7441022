import Foundation
import YardstickData
import YardstickEngine
import YardstickScoring

/// Number and word formats shared by the explanation and the model comparison, so the two say
/// the same thing the same way.
package enum ScoreText {
    /// A score, subtotal, total or contribution with two decimals (`78.50`), `—` when missing.
    package static func score(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return String(format: "%.2f", value + 0.0 == 0 ? 0 : value)
    }

    /// A signed change with two decimals (`+12.50`, `-3.00`, `0.00`), `—` when missing.
    package static func signed(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        let rounded = (value * 100).rounded() / 100
        if rounded == 0 { return "0.00" }
        return (rounded > 0 ? "+" : "") + String(format: "%.2f", rounded)
    }

    /// A fraction as a percentage with one decimal (`42.0 %`), `—` when missing.
    package static func percent(_ fraction: Double?) -> String {
        guard let fraction, fraction.isFinite else { return "—" }
        let value = fraction * 100
        return String(format: "%.1f", value + 0.0 == 0 ? 0 : value) + " %"
    }

    /// A weight as declared (`70`, `12.5`).
    package static func weight(_ value: Double) -> String {
        ResultValue.number(value).tableText(unit: .number)
    }

    /// An indicator's value or target in its unit (`31.3%`, `1200`, `2:23`), `—` when missing.
    package static func value(_ value: Double?, unit: IndicatorUnit?, locale: String) -> String {
        ReadableNumber.text(value, unit: unit ?? .number)
    }

    /// A rank change: `↑2`, `↓1`, `=`, or `—` when either rank is missing. Positive `change`
    /// means a better (smaller) rank.
    package static func rankChange(_ change: Int?) -> String {
        guard let change else { return "—" }
        return change > 0 ? "↑\(change)" : change < 0 ? "↓\(-change)" : "="
    }

    /// `word` as one shell word: as it is when it holds only letters, digits and `._-:/`, else
    /// in single quotes (`'Darcel Schlecht'`), so a printed command can be pasted.
    package static func shellWord(_ word: String) -> String {
        let plain =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy { scalar in
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "._-:/".unicodeScalars.contains(scalar)
            }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Whether `locale` asks for Chinese text.
    package static func isChinese(_ locale: String) -> Bool {
        locale.lowercased().hasPrefix("zh")
    }

    /// A total's status in words.
    package static func status(_ status: TotalStatus, locale: String) -> String {
        guard isChinese(locale) else { return status.rawValue }
        switch status {
        case .complete: return "完整"
        case .incomplete: return "不完整"
        case .noScores: return "无得分"
        }
    }

    /// What a missing-value policy did, in words.
    package static func policy(_ policy: MissingValuePolicy, locale: String) -> String {
        switch (policy, isChinese(locale)) {
        case (.countAsZero, false): "counted as 0 (policy zero)"
        case (.excludeAndReweight, false): "left out, its weight shared among the rest (policy reweight)"
        case (.markIncomplete, false): "not counted; the total is incomplete: no grade, no rank (policy incomplete)"
        case (.countAsZero, true): "按 0 分计（策略 zero）"
        case (.excludeAndReweight, true): "剔除，权重按比例分给其余指标（策略 reweight）"
        case (.markIncomplete, true): "不计分；总分不完整，无等级、无排名（策略 incomplete）"
        }
    }

    /// A direction in words.
    package static func direction(_ direction: Direction, locale: String) -> String {
        switch (direction, isChinese(locale)) {
        case (.higherIsBetter, false): "higher is better"
        case (.lowerIsBetter, false): "lower is better"
        case (.higherIsBetter, true): "越高越好"
        case (.lowerIsBetter, true): "越低越好"
        }
    }

    /// Lines padded so that the text after each label starts in one column (display width, so
    /// Chinese labels line up too).
    package static func aligned(_ pairs: [(String, String)], indent: String) -> [String] {
        let width = pairs.map { DisplayWidth.of($0.0) }.max() ?? 0
        return pairs.map { label, text in
            indent + label + String(repeating: " ", count: width - DisplayWidth.of(label) + 1) + text
        }
    }
}
