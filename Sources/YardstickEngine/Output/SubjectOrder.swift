import Foundation

/// The order of the subjects (rows) in the reports people read: the terminal table, Markdown
/// and HTML. CSV and JSON keep the run's own order, the long format programs expect.
///
/// By name (the default), names compare with ICU's Chinese collation, which orders Chinese
/// names by their pinyin (陈静, 李娜, 刘洋, 王芳, 张伟), ignores case and accents at first
/// (`alice`, `Bob`, `Émile`) and reads digits as numbers (`9` before `10`). In English the
/// Latin names come first, then the Chinese ones (CLDR `zh` with the Latin script reordered
/// first, `zh-u-kr-latn-hani`); in Chinese the Chinese names come first (`zh-Hans`). Equal
/// names are ordered by identifier, so the order never depends on the load order.
///
/// By indicator, subjects are ordered by that indicator's value in the row's period,
/// descending unless ascending is asked for; missing and failed values come last either way,
/// and equal values are ordered by name.
public enum SubjectOrder: Sendable, Hashable {
    /// By name, then identifier.
    case name
    /// By an indicator's value (`--sort win_rate`, `--sort win_rate:asc`), missing last.
    case indicator(String, ascending: Bool)
    /// In the order the results hold the subjects (the order they were loaded in).
    case results

    /// Reads a `--sort` argument: `name`, `INDICATOR` (descending) or `INDICATOR:asc` /
    /// `INDICATOR:desc`.
    ///
    /// - Parameter argument: The argument.
    /// - Returns: The order, or nil when the argument is empty or its direction is neither
    ///   `asc` nor `desc`.
    public init?(argument: String) {
        let trimmed = argument.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if trimmed == "name" {
            self = .name
            return
        }
        guard let colon = trimmed.lastIndex(of: ":") else {
            self = .indicator(trimmed, ascending: false)
            return
        }
        let id = String(trimmed[..<colon])
        let direction = trimmed[trimmed.index(after: colon)...].lowercased()
        guard !id.isEmpty, direction == "asc" || direction == "desc" else { return nil }
        self = .indicator(id, ascending: direction == "asc")
    }

    /// The indicator this order sorts by, nil when by name or in the results' order.
    public var indicatorID: String? {
        if case .indicator(let id, _) = self { return id }
        return nil
    }

    /// The rows of one table in this order.
    ///
    /// - Parameters:
    ///   - rows: The rows (one period and grain).
    ///   - locale: The report's locale (`en`, `zh-CN`), which decides where Chinese names go.
    /// - Returns: The rows reordered; stable for equal keys.
    package func sorted(_ rows: [ResultRow], locale: String) -> [ResultRow] {
        sorted(rows, locale: locale, id: \.subjectID, name: \.subjectName) { row, indicator in
            row[indicator: indicator]?.value
        }
    }

    /// Items of a table in this order, given each one's identifier, name and value of an
    /// indicator.
    package func sorted<Item>(
        _ items: [Item], locale: String, id: (Item) -> String, name: (Item) -> String,
        value: (Item, String) -> ResultValue?
    ) -> [Item] {
        if case .results = self { return items }
        let collation = NameCollation(locale: locale)
        let keys: [Double?] = items.map { item in
            guard case .indicator(let indicator, _) = self else { return nil }
            return value(item, indicator).flatMap(Self.number)
        }
        let ascending: Bool
        if case .indicator(_, let up) = self { ascending = up } else { ascending = true }
        let order = items.indices.sorted { left, right in
            switch (keys[left], keys[right]) {
            case (let a?, let b?) where a != b: return ascending ? a < b : a > b
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            switch collation.compare(name(items[left]), name(items[right])) {
            case .orderedAscending: return true
            case .orderedDescending: return false
            case .orderedSame:
                let (a, b) = (id(items[left]), id(items[right]))
                return a != b ? a < b : left < right
            }
        }
        return order.map { items[$0] }
    }

    /// A value as a number to sort by; nil when missing, failed or not a number (NaN).
    private static func number(_ value: ResultValue) -> Double? {
        switch value {
        case .integer(let whole): Double(whole)
        case .number(let number): number.isNaN ? nil : number
        case .decimal(let decimal): decimal.doubleValue
        case .missing, .failed: nil
        }
    }
}

/// How names compare for sorting (see ``SubjectOrder``): ICU's Chinese (pinyin) collation,
/// ignoring case, digits read as numbers, Latin names first in English.
package struct NameCollation: Sendable {
    /// The ICU locale of the collation.
    let locale: Locale

    /// The collation for a report locale: `zh-Hans` for Chinese, `zh-u-kr-latn-hani` otherwise.
    package init(locale: String) {
        self.locale = Locale(identifier: OutputLocale.isChinese(locale) ? "zh-Hans" : "zh-u-kr-latn-hani")
    }

    /// How `a` compares with `b`.
    package func compare(_ a: String, _ b: String) -> ComparisonResult {
        a.compare(b, options: [.caseInsensitive, .numeric], range: nil, locale: locale)
    }
}
