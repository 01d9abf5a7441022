import YardstickData
import YardstickLocalization

/// Applies a filter to the rows of a key table: comparisons on the key or a per-key aggregate,
/// and `during` / `before` / `between` on a date-valued field, read in the period of the key
/// view's scope. A null field matches no test but `~=`, `not in` and `is nil` (as on views).
struct KeyFilterTest {
    let filter: QueryFilter
    let period: PeriodDays
    let clock: ZoneClock

    /// The rows of `table` that pass.
    func apply(_ table: KeyTable) throws(QueryError) -> KeyTable {
        let field = Self.fieldName(filter)
        guard let values = table.values(of: field) else {
            throw QueryError(
                tr("a key view has no field %@ (fields: %@)", field, (["key"] + table.names).joined(separator: ", ")))
        }
        var kept: [Int] = []
        kept.reserveCapacity(values.count)
        for (index, value) in values.enumerated() where try passes(value, field) { kept.append(index) }
        return kept.count == values.count ? table : table.selecting(kept)
    }

    /// The field a filter tests (a key view's fields are single names).
    static func fieldName(_ filter: QueryFilter) -> String {
        switch filter {
        case .during(let field), .before(let field), .between(let field, _, _): field
        case .compare(let path, _, _), .oneOf(let path, _, _), .contains(let path, _), .isNull(let path, _):
            path.description
        }
    }

    private func passes(_ value: QueryValue, _ field: String) throws(QueryError) -> Bool {
        let isNull: Bool
        if case .missing = value { isNull = true } else { isNull = false }
        switch filter {
        case .isNull(_, let negated): return isNull != negated
        case .during, .before, .between:
            if isNull { return false }
            guard let day = day(of: value) else {
                throw QueryError(tr("%@: %@ is not a date (it is %@)", filter, field, value))
            }
            switch filter {
            case .during: return day >= period.firstDay && day <= period.lastDay
            case .before: return day < period.firstDay
            case .between(_, let low, let high): return day >= low && day <= high
            default: return false
            }
        case .contains(_, let text):
            guard case .text(let string) = value else { return false }
            return string.contains(text)
        case .compare(_, let comparison, let operand):
            if isNull { return comparison == .notEqual }
            let order = try Self.order(value, operand, field)
            switch comparison {
            case .equal: return order == 0
            case .notEqual: return order != 0
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            case .greaterOrEqual: return order >= 0
            }
        case .oneOf(_, let operands, let negated):
            if isNull { return negated }
            for operand in operands where try Self.order(value, operand, field) == 0 { return !negated }
            return negated
        }
    }

    /// The local day of a date-valued field.
    private func day(of value: QueryValue) -> Int32? {
        switch value {
        case .date(let day): day
        case .datetime(let seconds): clock.localDay(ofInstant: seconds)
        default: nil
        }
    }

    /// -1, 0 or 1 as the value is below, equal to or above the operand.
    static func order(_ value: QueryValue, _ operand: Operand, _ field: String) throws(QueryError) -> Int {
        func sign<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a > b ? 1 : 0) }
        switch (value, operand) {
        case (.text(let a), .text(let b)): return sign(a, b)
        case (.boolean(let a), .boolean(let b)): return a == b ? 0 : (a ? 1 : -1)
        case (.date(let a), .date(let b)): return sign(a, b)
        case (.datetime(let a), .datetime(let b)): return sign(a, b)
        case (.datetime(let a), .date(let b)): return sign(a, Int64(b) * 86_400)
        case (.date(let a), .datetime(let b)): return sign(Int64(a) * 86_400, b)
        case (.decimal(let a), .decimal(let b)): return sign(a.scaled, b.scaled)
        default:
            if let a = value.doubleValue, let b = Self.number(operand) { return sign(a, b) }
            throw QueryError(tr("where{%@ = …}: cannot compare %@ with %@", field, value, operand))
        }
    }

    private static func number(_ operand: Operand) -> Double? {
        switch operand {
        case .integer(let value): Double(value)
        case .number(let value): value
        case .decimal(let value): value.doubleValue
        default: nil
        }
    }
}
