/// Everything `yardstick check` found in a workspace's data, without running any indicator.
public struct CheckReport: Sendable, Codable {
    /// The workspace name.
    public var workspace: String
    /// One entry per mapped entity, in vocabulary order.
    public var entities: [EntityCheck]

    /// The number of problems (each kind of problem on each entity or field counts once).
    public var problemCount: Int { entities.reduce(0) { $0 + $1.problems.count } }

    /// Whether the data has problems (the command then exits with code 1).
    public var hasProblems: Bool { problemCount > 0 }
}

/// What was found for one entity.
public struct EntityCheck: Sendable, Codable {
    /// The entity name.
    public var entity: String
    /// The files it was loaded from (relative to the workspace).
    public var files: [String]
    /// Rows loaded.
    public var rows: Int
    /// Rows rejected by type or required-field errors.
    public var rejectedRows: Int
    /// The earliest and latest value over the entity's date and datetime fields (ISO 8601).
    public var dateSpan: DateSpan?
    /// Per mapped field: completeness and, for dates, span; for references, integrity.
    public var fields: [FieldCheck]
    /// Problems found, most severe first.
    public var problems: [CheckProblem]
    /// Source columns that feed no field, per file (information, not a problem).
    public var unusedColumns: [String: [String]]
    /// The encoding each readable file was read with (`utf-8` or `gb18030`), per file.
    public var encodings: [String: String] = [:]
    /// Records the mappings' `drop` and `keep` filters left out, per file (information, not a
    /// problem); empty when no filter dropped anything.
    public var droppedRows: [DroppedRows] = []
}

/// Records of one file left out by its mapping's row filters.
public struct DroppedRows: Sendable, Codable, Equatable {
    /// The file, relative to the workspace.
    public var file: String
    /// The filters, as written (`drop outcome = "PHANTOM"`).
    public var filters: [String]
    /// How many records they left out.
    public var rows: Int
}

/// What was found for one field.
public struct FieldCheck: Sendable, Codable {
    /// The field name.
    public var field: String
    /// The field type, as in the vocabulary.
    public var type: String
    /// Whether the workspace declared the field.
    public var custom: Bool
    /// Rows with a value.
    public var filled: Int
    /// `filled / rows`; absent when the table has no rows (nothing to be complete).
    public var completeness: Double?
    /// The span of a date or datetime field.
    public var span: DateSpan?
    /// For a reference: values naming no row of the target.
    public var unresolved: Int?
    /// For a field with few distinct values: how many distinct values it has.
    public var distinctValues: Int?
}

/// The earliest and latest value of dates, as ISO 8601 text.
public struct DateSpan: Sendable, Codable, Equatable {
    /// The earliest value.
    public var first: String
    /// The latest value.
    public var last: String
}

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
        if !examples.isEmpty { text += " — e.g. " + examples.joined(separator: "; ") }
        return text
    }
}
