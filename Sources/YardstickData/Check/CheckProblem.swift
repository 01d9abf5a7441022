import YardstickLocalization

/// One problem found in the data.
public struct CheckProblem: Sendable, Codable, CustomStringConvertible {
    /// The kinds of problem `check` looks for.
    public enum Kind: String, Sendable, Codable {
        /// A file cannot be read, or lacks a mapped column.
        case unreadableFile = "unreadable_file"
        /// Values that are not of their field's type, or required values that are empty.
        case badValues = "bad_values"
        /// Reference values that name no row of the referenced entity.
        case unresolvedReferences = "unresolved_references"
        /// A reference to an entity the workspace does not map.
        case unmappedTarget = "unmapped_target"
        /// The same id on several rows.
        case duplicateIds = "duplicate_ids"
        /// Dates before 1900 or more than ten years ahead.
        case implausibleDates = "implausible_dates"
        /// Rows breaking one of the vocabulary's field rules (time order, sign, range).
        case ruleViolation = "rule_violation"
    }

    /// The kind.
    public var kind: Kind
    /// The field concerned, if one.
    public var field: String?
    /// How many rows or values are affected.
    public var count: Int
    /// A sentence for the user.
    public var message: String
    /// A few examples (values, or `file:row:column` locations).
    public var examples: [String]
    /// For a rule violation, the rule as the vocabulary writes it (`closed_at ≥ created_at`).
    public var rule: String? = nil

    /// `kind field: message (e.g. …)`.
    public var description: String {
        var text = message
        if !examples.isEmpty { text += tr(" — e.g. %@", examples.joined(separator: "; ")) }
        return text
    }
}
