/// A rule the values of a vocabulary field should follow: an order in time, a sign, a range.
///
/// Rules are data problems, not load errors: `yardstick check` counts the rows that break each
/// one and shows a few with their `file:line`; loading and `run` are not affected. They are
/// declared once in ``CRMVocabulary`` and listed in `docs/vocabulary.md`.
public struct FieldRule: Sendable, Hashable, CustomStringConvertible {
    /// What the rule requires.
    public enum Requirement: Sendable, Hashable {
        /// The field is not earlier than another date or datetime field of the same row
        /// (checked where both are filled).
        case notBefore(String)
        /// The number is zero or more.
        case nonNegative
        /// The number lies in `low...high`, optionally only on rows whose enum or text field
        /// `when.field` has the value `when.value`.
        case range(low: Int64, high: Int64, when: Condition?)
    }

    /// A condition on another field of the row.
    public struct Condition: Sendable, Hashable {
        /// The field tested.
        public let field: String
        /// The value it must have (as the vocabulary writes it).
        public let value: String

        /// Creates a condition.
        public init(field: String, value: String) {
            self.field = field
            self.value = value
        }
    }

    /// The field the rule is about.
    public let field: String
    /// What it requires.
    public let requirement: Requirement

    /// Creates a rule.
    public init(_ field: String, _ requirement: Requirement) {
        self.field = field
        self.requirement = requirement
    }

    /// The fields the rule reads (it applies only when all are mapped).
    public var fields: [String] {
        switch requirement {
        case .notBefore(let other): [field, other]
        case .nonNegative: [field]
        case .range(_, _, let condition): [field] + (condition.map { [$0.field] } ?? [])
        }
    }

    /// The rule as written in the docs and in `check`: `closed_at ≥ created_at`,
    /// `amount ≥ 0`, `score in 1…5 when type = csat`.
    public var description: String {
        switch requirement {
        case .notBefore(let other): "\(field) ≥ \(other)"
        case .nonNegative: "\(field) ≥ 0"
        case .range(let low, let high, let condition):
            "\(field) in \(low)…\(high)" + (condition.map { " when \($0.field) = \($0.value)" } ?? "")
        }
    }
}
