import YardstickData
import YardstickQuery

/// `+`, `-`, `*` and `/` on columns kept in the host during a column run, element by element
/// with exactly the prelude's scalar rules (values.lua, dates.lua), so that an indicator such as
/// `count_distinct("ordered_at") - 1` or `(max("ordered_at") - min("ordered_at")) / 7` never
/// turns its columns into Lua values.
///
/// The rules, for one element (`a` op `b`):
/// - a missing operand is the result (`a`'s first);
/// - a date plus or minus whole days is a date, a date minus a date is whole days;
/// - whole numbers combine as Lua integers do (wrapping), `/` always as doubles;
/// - a decimal with a decimal or a whole number adds and subtracts exactly, and multiplies
///   exactly when one side is whole; anything else combines as doubles;
/// - any other pair (text, a date with a decimal…) has no host rule: ``apply(_:_:)`` gives nil
///   and the prelude computes the column itself, raising the scalar rule's error.
enum ColumnArithmetic: String, Sendable, CaseIterable {
    case add
    case subtract
    case multiply
    case divide

    /// The decimal scale: values.lua's `UNIT`, ``ExactDecimal``'s.
    static let unit = ExactDecimal.unit

    /// `a` op `b` by the prelude's rule; nil when the prelude has no rule for the pair (it
    /// raises an error) or computes it in a way the host does not copy.
    func apply(_ a: QueryValue, _ b: QueryValue) -> QueryValue? {
        // Numbers and integers first, read one operand at a time (no tuple of two values to
        // copy): the common case of a weighted score or a ratio of counts.
        if case .number(let x) = a {
            if case .number(let y) = b { return .number(on(x, y)) }
            if case .integer(let y) = b { return .number(on(x, Double(y))) }
        } else if case .integer(let x) = a, case .number(let y) = b {
            return .number(on(Double(x), y))
        }
        if case .missing = a { return a }
        if case .missing = b { return b }
        switch (a, b) {
        case (.date(let day), .integer(let days)):
            switch self {
            case .add, .subtract: return Self.date(Int64(day), self == .add ? days : 0 &- days)
            default: return nil
            }
        case (.integer(let days), .date(let day)):
            return self == .add ? Self.date(Int64(day), days) : nil
        case (.date(let x), .date(let y)):
            return self == .subtract ? .integer(Int64(x) - Int64(y)) : nil
        case (.date, _), (_, .date):
            return nil
        case (.integer(let x), .integer(let y)):
            switch self {
            case .add: return .integer(x &+ y)
            case .subtract: return .integer(x &- y)
            case .multiply: return .integer(x &* y)
            case .divide: return .number(Double(x) / Double(y))
            }
        case (.decimal, _), (_, .decimal):
            return decimal(a, b)
        default:
            guard let x = Self.double(a), let y = Self.double(b) else { return nil }
            return .number(on(x, y))
        }
    }

    /// A decimal with a number (values.lua's `arith` on a `Decimal`).
    private func decimal(_ a: QueryValue, _ b: QueryValue) -> QueryValue? {
        func scaled(_ value: QueryValue) -> Int64? {
            switch value {
            case .decimal(let decimal): decimal.scaled
            case .integer(let number): number &* Self.unit
            default: nil
            }
        }
        if let x = scaled(a), let y = scaled(b) {
            switch self {
            case .add: return .decimal(ExactDecimal(scaled: x &+ y))
            case .subtract: return .decimal(ExactDecimal(scaled: x &- y))
            case .multiply:
                if x % Self.unit == 0 { return .decimal(ExactDecimal(scaled: (x / Self.unit) &* y)) }
                if y % Self.unit == 0 { return .decimal(ExactDecimal(scaled: x &* (y / Self.unit))) }
            case .divide:
                break
            }
        }
        guard let x = Self.double(a), let y = Self.double(b) else { return nil }
        return .number(on(x, y))
    }

    /// The operation on doubles.
    private func on(_ x: Double, _ y: Double) -> Double {
        switch self {
        case .add: x + y
        case .subtract: x - y
        case .multiply: x * y
        case .divide: x / y
        }
    }

    /// A number as the prelude's `to_number` reads it (also `ratio`'s, in the host): a decimal is its scaled value over
    /// `UNIT`; nil for anything that is not a number.
    static func double(_ value: QueryValue) -> Double? {
        switch value {
        case .integer(let number): Double(number)
        case .number(let number): number
        case .decimal(let decimal): decimal.doubleValue
        default: nil
        }
    }

    /// A day number moved by whole days; nil when the result leaves the date range.
    private static func date(_ day: Int64, _ days: Int64) -> QueryValue? {
        let (moved, overflow) = day.addingReportingOverflow(days)
        guard !overflow, let result = Int32(exactly: moved) else { return nil }
        return .date(result)
    }
}
