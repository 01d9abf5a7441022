/// Which subjects a model scores or a target override applies to: each named field must have
/// one of its listed values (`role = "sales"`, `team = { "east", "west" }`). An empty filter
/// matches every subject.
///
/// Fields are read from the subject: `id`, `name`, `team`, `role` for users (a team's,
/// department's or company's own `id` and `name`). A field the subject does not have matches
/// nothing.
public struct SubjectFilter: Sendable, Hashable {
    /// Field name → the values it may have.
    public var conditions: [String: [String]]

    /// Creates a filter.
    ///
    /// - Parameter conditions: Field name → accepted values (an empty dictionary accepts all).
    public init(_ conditions: [String: [String]] = [:]) {
        self.conditions = conditions
    }

    /// Whether the filter accepts every subject.
    public var isEmpty: Bool { conditions.isEmpty }

    /// Whether a subject whose fields read `field` passes.
    ///
    /// - Parameter field: The subject's value of a field, or nil when it has none.
    /// - Returns: True when every condition holds.
    public func matches(_ field: (String) -> String?) -> Bool {
        conditions.allSatisfy { name, accepted in
            field(name).map(accepted.contains) ?? false
        }
    }

    /// `role = sales, team = east | west`, for explanations (fields in name order).
    public var description: String {
        conditions.keys.sorted().map { name in
            "\(name) = " + (conditions[name] ?? []).joined(separator: " | ")
        }.joined(separator: ", ")
    }
}
