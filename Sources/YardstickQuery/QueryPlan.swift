import YardstickData

/// A declarative query over one entity: the filters a script chained on a view and the
/// aggregate it asked for. Plans are data: they are built once per call site and run for every
/// subject and period, and `explain` renders them in words.
public struct QueryPlan: Sendable, Hashable {
    /// The entity queried (`opportunities`).
    public var entity: String
    /// Whether the rows are restricted to the subject (`s.opportunities`) or span the whole
    /// company (`s.all.opportunities`).
    public var restrictedToSubject: Bool
    /// The filters, ANDed, in the order they were chained.
    public var filters: [QueryFilter]

    /// Creates a plan.
    public init(entity: String, restrictedToSubject: Bool = true, filters: [QueryFilter] = []) {
        self.entity = entity
        self.restrictedToSubject = restrictedToSubject
        self.filters = filters
    }
}

/// A field, or a path through references to a field of another entity (`account.industry`).
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    /// The names, first one on the queried entity.
    public var names: [String]

    /// Parses a dotted path.
    public init(_ dotted: String) { names = dotted.split(separator: ".").map(String.init) }

    /// The dotted path.
    public var description: String { names.joined(separator: ".") }
}

/// A constant a filter compares with.
public enum Operand: Sendable, Hashable, CustomStringConvertible {
    /// Text (also enum values and reference ids).
    case text(String)
    /// A whole number.
    case integer(Int64)
    /// A floating-point number.
    case number(Double)
    /// An exact decimal.
    case decimal(ExactDecimal)
    /// A boolean.
    case boolean(Bool)
    /// A date (day number).
    case date(Int32)
    /// An instant (epoch seconds).
    case datetime(Int64)

    /// The operand as written in explanations.
    public var description: String {
        switch self {
        case .text(let text): "\"\(text)\""
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .decimal(let value): value.description
        case .boolean(let value): value ? "true" : "false"
        case .date(let day): CivilDate.isoString(ofDay: day)
        case .datetime(let seconds): CivilDate.isoString(ofInstant: seconds)
        }
    }
}

/// A comparison operator of `where`.
public enum Comparison: String, Sendable, Hashable, CaseIterable {
    case equal = "="
    case notEqual = "~="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

/// One filter of a plan.
public enum QueryFilter: Sendable, Hashable, CustomStringConvertible {
    /// The date field falls in the evaluated period.
    case during(String)
    /// The date field is before the evaluated period's first day.
    case before(String)
    /// The date field falls between two days, inclusive.
    case between(String, Int32, Int32)
    /// The field compares with a constant.
    case compare(FieldPath, Comparison, Operand)
    /// The field is (or, negated, is not) one of the constants.
    case oneOf(FieldPath, [Operand], negated: Bool)
    /// The text field contains the text (case-sensitive).
    case contains(FieldPath, String)
    /// The field is null (or, negated, not null).
    case isNull(FieldPath, negated: Bool)

    /// The filter in words, for `explain`.
    public var description: String {
        switch self {
        case .during(let field): "\(field) falls in the period"
        case .before(let field): "\(field) is before the period"
        case .between(let field, let low, let high):
            "\(field) is between \(CivilDate.isoString(ofDay: low)) and \(CivilDate.isoString(ofDay: high))"
        case .compare(let path, let comparison, let operand): "\(path) \(comparison.rawValue) \(operand)"
        case .oneOf(let path, let operands, let negated):
            "\(path) is \(negated ? "not " : "")one of \(operands.map(\.description).joined(separator: ", "))"
        case .contains(let path, let text): "\(path) contains \"\(text)\""
        case .isNull(let path, let negated): "\(path) is \(negated ? "not " : "")empty"
        }
    }
}

/// What an aggregate measures on each row: a field, or a duration between two date fields.
public enum Measure: Sendable, Hashable, CustomStringConvertible {
    /// A field's value.
    case field(FieldPath)
    /// `to − from` in days or hours (rows where either is null are skipped).
    case duration(from: String, to: String, hours: Bool)

    /// The measure in words.
    public var description: String {
        switch self {
        case .field(let path): path.description
        case .duration(let from, let to, let hours): "\(hours ? "hours" : "days") from \(from) to \(to)"
        }
    }
}

/// The aggregate a terminal call asks for.
public enum Aggregate: Sendable, Hashable, CustomStringConvertible {
    case count
    case sum(Measure)
    case average(Measure)
    case minimum(Measure)
    case maximum(Measure)
    case median(Measure)
    case percentile(Measure, Double)
    case countDistinct(Measure)
    case distinct(Measure)
    case first(Measure, by: Measure)
    case last(Measure, by: Measure)
    case top(Int, Measure)

    /// The aggregate in words.
    public var description: String {
        switch self {
        case .count: "count of rows"
        case .sum(let m): "sum of \(m)"
        case .average(let m): "average of \(m)"
        case .minimum(let m): "minimum of \(m)"
        case .maximum(let m): "maximum of \(m)"
        case .median(let m): "median of \(m)"
        case .percentile(let m, let p): "\(p)th percentile of \(m)"
        case .countDistinct(let m): "number of distinct \(m)"
        case .distinct(let m): "distinct values of \(m)"
        case .first(let m, let by): "\(m) of the row with the smallest \(by)"
        case .last(let m, let by): "\(m) of the row with the largest \(by)"
        case .top(let n, let m): "the \(n) rows with the largest \(m)"
        }
    }
}
