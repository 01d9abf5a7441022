import Foundation
import YardstickData

/// What a breakdown splits an indicator's figures by: a field path of the queried entities
/// (`product.family`), or the cohort of a key (the month of each account's first order).
///
/// A dimension names its members through the data: a path's members are the distinct values
/// of the path; a cohort's members are the labels of the period (month, quarter or year) of
/// each key's first event over all history (`1997-01`). Rows whose path is empty (or whose key
/// has no dated event) belong to the empty member, labelled ``noneLabel``.
public enum BreakdownDimension: Sendable, Hashable, CustomStringConvertible {
    /// The value of a field, or of a path through references (`account.industry`).
    case path(FieldPath)
    /// The cohort of a key: the period of its first event.
    case cohort(Cohort)

    /// How keys are grouped into cohorts: by the period of their first event.
    public struct Cohort: Sendable, Hashable {
        /// The length of a cohort's period.
        public enum Unit: String, Sendable, Hashable, CaseIterable {
            /// Calendar months: `1997-01`.
            case month
            /// Calendar quarters: `1997-Q1`.
            case quarter
            /// Calendar years: `1997`.
            case year
        }

        /// The key whose first event makes the cohort (`account`): a field (or path) of the
        /// entities restricted.
        public var key: FieldPath
        /// The date or datetime field whose earliest value, per key, is the first event
        /// (`ordered_at`); read on every entity that has both the key and this field.
        public var first: String
        /// The cohort's period.
        public var unit: Unit

        /// Creates a cohort.
        public init(key: FieldPath, first: String, unit: Unit) {
            self.key = key
            self.first = first
            self.unit = unit
        }

        /// The label of the cohort of a first event on `day` (`1997-01`, `1997-Q1`, `1997`).
        public func label(ofDay day: Int32) -> String {
            let (year, month, _) = CivilDate.components(ofDay: day)
            let yearText = String(format: "%04d", year)
            switch unit {
            case .month: return yearText + "-" + String(format: "%02d", month)
            case .quarter: return yearText + "-Q" + String((month - 1) / 3 + 1)
            case .year: return yearText
            }
        }
    }

    /// The label of the empty member: rows whose path is null (or whose key has no first
    /// event), reported as a member of their own.
    public static let noneLabel = "(none)"

    /// The dimension as written in output: the path (`product.family`), or
    /// `cohort:KEY:FIRST:UNIT` (`cohort:account:ordered_at:month`).
    public var description: String {
        switch self {
        case .path(let path): path.description
        case .cohort(let cohort): "cohort:\(cohort.key):\(cohort.first):\(cohort.unit.rawValue)"
        }
    }

    /// Reads a dimension written as ``description``: a dotted path, or
    /// `cohort:KEY:FIRST[:UNIT]` (unit `month` when left out). Nil when the text is not one.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("cohort:") {
            let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3 || parts.count == 4, Self.isPath(parts[1]), Self.isPath(parts[2]),
                !parts[2].contains(".")
            else { return nil }
            guard let unit = parts.count == 4 ? Cohort.Unit(rawValue: parts[3]) : .month else { return nil }
            self = .cohort(Cohort(key: FieldPath(parts[1]), first: parts[2], unit: unit))
            return
        }
        guard Self.isPath(trimmed) else { return nil }
        self = .path(FieldPath(trimmed))
    }

    /// Whether `text` is a dotted path of field names (`product.family`).
    package static func isPath(_ text: String) -> Bool {
        let names = text.split(separator: ".", omittingEmptySubsequences: false)
        return !names.isEmpty
            && names.allSatisfy { name in
                guard let first = name.unicodeScalars.first, !CharacterSet.decimalDigits.contains(first) else {
                    return false
                }
                return name.unicodeScalars.allSatisfy { $0 == "_" || CharacterSet.alphanumerics.contains($0) }
            }
    }
}
