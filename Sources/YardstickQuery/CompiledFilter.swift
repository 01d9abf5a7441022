import YardstickData
import YardstickLocalization

/// A filter bound to columns: period tests read local days, the others are row predicates.
enum CompiledFilter {
    /// The row's local day of a date field must fall in a range that may depend on the period.
    case days(field: String, days: [Int32], validity: Validity, range: DayRange)
    /// Any other test.
    case predicate((Int) -> Bool)

    /// A day range, fixed or relative to the evaluated period.
    enum DayRange {
        case period
        case beforePeriod
        case fixed(Int32, Int32)

        /// Whether the range is the evaluated period itself.
        var isPeriod: Bool {
            if case .period = self { return true }
            return false
        }

        /// Whether the range moves with the evaluated period.
        var dependsOnPeriod: Bool {
            if case .fixed = self { return false }
            return true
        }

        func bounds(_ scope: QueryScope) -> (Int32, Int32) {
            switch self {
            case .period: (scope.firstDay, scope.lastDay)
            case .beforePeriod: (Int32.min, scope.firstDay - 1)
            case .fixed(let low, let high): (low, high)
            }
        }
    }

    static func compile(
        _ filter: QueryFilter, on table: Table, dataset: Dataset, expressions: ExpressionCache? = nil
    ) throws(QueryError) -> CompiledFilter {
        switch filter {
        case .compare(let path, let comparison, .measure(let other)):
            return .predicate(
                try FieldComparison.predicate(
                    path, comparison, other, table: table, dataset: dataset, expressions: expressions))
        case .oneOf(let path, let operands, _) where operands.contains(where: \.isMeasure):
            throw QueryError(tr("%@: in lists take values; compare with a field with =, ~=, <, <=, > or >=", path))
        case .during(let field): return try days(field, table, .period)
        case .before(let field): return try days(field, table, .beforePeriod)
        case .between(let field, let low, let high): return try days(field, table, .fixed(low, high))
        case .isNull(let path, let negated):
            let (column, hops) = try CompiledMeasure.resolve(path, on: table, dataset: dataset)
            let measure = CompiledMeasure(kind: .number([]), validity: column.validity, hops: hops)
            return .predicate { row in (measure.target(row) == nil) != negated }
        case .contains(let path, let text):
            let measure = try CompiledMeasure.compile(.field(path), on: table, dataset: dataset)
            return .predicate { row in
                guard case .text(let value)? = measure.value(row) else { return false }
                return value.contains(text)
            }
        case .compare(let path, let comparison, let operand):
            let measure = try CompiledMeasure.compile(.field(path), on: table, dataset: dataset)
            if comparison == .equal || comparison == .notEqual,
                let test = try codeTest(measure, path: path, operands: [operand], negated: comparison == .notEqual)
            {
                return .predicate(test)
            }
            let order = try orderFunction(measure, path: path, operand: operand)
            switch comparison {
            case .equal: return .predicate { order($0) == 0 }
            case .notEqual: return .predicate { order($0) != 0 }
            case .less: return .predicate { (order($0) ?? 0) < 0 }
            case .lessOrEqual: return .predicate { order($0).map { $0 <= 0 } ?? false }
            case .greater: return .predicate { (order($0) ?? 0) > 0 }
            case .greaterOrEqual: return .predicate { order($0).map { $0 >= 0 } ?? false }
            }
        case .oneOf(let path, let operands, let negated):
            let measure = try CompiledMeasure.compile(.field(path), on: table, dataset: dataset)
            if let test = try codeTest(measure, path: path, operands: operands, negated: negated) {
                return .predicate(test)
            }
            let orders = try operands.map { operand throws(QueryError) in
                try orderFunction(measure, path: path, operand: operand)
            }
            return .predicate { row in
                guard measure.target(row) != nil else { return negated }
                return orders.contains { $0(row) == 0 } != negated
            }
        }
    }

    private static func days(_ field: String, _ table: Table, _ range: DayRange) throws(QueryError)
        -> CompiledFilter
    {
        guard let column = table[field] else {
            throw QueryError(tr("%@ has no mapped field %@", table.entity.name, field))
        }
        guard let index = table.dateIndexes[field] else {
            throw QueryError(tr("%@.%@ is not a date field", table.entity.name, field))
        }
        return .days(field: field, days: index.localDays, validity: column.validity, range: range)
    }

    /// For (in)equality with text values on a column read without references whose codes
    /// stand for one text each, a test of the row's code against the wanted codes: no string is
    /// read per row. A null value is unequal to every operand (so it passes `~=` and `not in`).
    /// Nil when the column or operands do not allow it.
    private static func codeTest(_ measure: CompiledMeasure, path: FieldPath, operands: [Operand], negated: Bool)
        throws(QueryError) -> ((Int) -> Bool)?
    {
        guard measure.hops.isEmpty else { return nil }
        let validity = measure.validity
        switch measure.kind {
        case .text(let codes, let dictionary) where dictionary.codesAreUnique && dictionary.isIndexed:
            var wanted: [Int32] = []
            for operand in operands {
                if let code = dictionary.code(of: try text(operand, path)) { wanted.append(code) }
            }
            if wanted.count == 1 {
                let code = wanted[0]
                return { row in ((validity?.isPresent(row) ?? true) && codes[row] == code) != negated }
            }
            let accepted = Set(wanted)
            return { row in ((validity?.isPresent(row) ?? true) && accepted.contains(codes[row])) != negated }
        case .enumeration(let codes, let names):
            var accepted = [Bool](repeating: false, count: 128)
            for operand in operands {
                let name = try text(operand, path)
                guard let position = names.firstIndex(of: name) else {
                    throw QueryError(
                        tr("%@ has no value \"%@\" (values: %@)", path, name, names.joined(separator: ", ")))
                }
                accepted[position] = true
            }
            // The closure captures a constant: a captured `var` would be boxed, and every row's
            // read would pay a dynamic exclusivity check.
            let acceptedCodes = accepted
            return { row in
                guard validity?.isPresent(row) ?? true else { return negated }
                let code = Int(codes[row])
                return (code >= 0 && code < 128 && acceptedCodes[code]) != negated
            }
        default:
            return nil
        }
    }

    /// A function giving, per row, the order of the row's value against the operand (-1, 0,
    /// 1), or nil when the value is null. Text compares by dictionary code when codes are
    /// unique, so equality costs one integer comparison per row.
    private static func orderFunction(_ measure: CompiledMeasure, path: FieldPath, operand: Operand)
        throws(QueryError) -> (Int) -> Int?
    {
        switch measure.kind {
        case .text(let codes, let dictionary):
            let wanted = try text(operand, path)
            if dictionary.codesAreUnique && dictionary.isIndexed {
                let code = dictionary.code(of: wanted) ?? -2
                return { row in
                    guard let at = measure.target(row) else { return nil }
                    let value = codes[at]
                    if value == code { return 0 }
                    return dictionary[value] < wanted ? -1 : 1
                }
            }
            return { row in
                guard let at = measure.target(row) else { return nil }
                let value = dictionary[codes[at]]
                return value == wanted ? 0 : (value < wanted ? -1 : 1)
            }
        case .enumeration(let codes, let names):
            let wanted = try text(operand, path)
            guard let position = names.firstIndex(of: wanted) else {
                throw QueryError(tr("%@ has no value \"%@\" (values: %@)", path, wanted, names.joined(separator: ", ")))
            }
            let code = Int8(position)
            return { row in
                guard let at = measure.target(row) else { return nil }
                let value = codes[at]
                return value == code ? 0 : (value < code ? -1 : 1)
            }
        case .boolean(let values):
            guard case .boolean(let flag) = operand else {
                throw QueryError(tr("%@ is a boolean; compare it with true or false", path))
            }
            return { row in
                guard let at = measure.target(row) else { return nil }
                return values[at] == flag ? 0 : (values[at] ? 1 : -1)
            }
        default:
            let number = try number(operand, measure, path)
            return { row in
                guard let value = measure.double(row) else { return nil }
                return value == number ? 0 : (value < number ? -1 : 1)
            }
        }
    }

    private static func text(_ operand: Operand, _ path: FieldPath) throws(QueryError) -> String {
        switch operand {
        case .text(let text): return text
        case .integer(let value): return String(value)
        default: throw QueryError(tr("%@ holds text; compare it with text, not %@", path, operand))
        }
    }

    /// The operand on the measure's numeric scale (days for dates, seconds for datetimes).
    private static func number(_ operand: Operand, _ measure: CompiledMeasure, _ path: FieldPath)
        throws(QueryError) -> Double
    {
        switch (measure.kind, operand) {
        case (.date, .date(let day)): return Double(day)
        case (.datetime, .date(let day)): return Double(Int64(day) * 86_400)
        case (.datetime, .datetime(let seconds)): return Double(seconds)
        case (.date, _), (.datetime, _):
            throw QueryError(tr("%@ is a date; compare it with date(…)", path))
        case (_, .integer(let value)): return Double(value)
        case (_, .number(let value)): return value
        case (_, .decimal(let value)): return value.doubleValue
        default: throw QueryError(tr("%@ is a number; cannot compare it with %@", path, operand))
        }
    }
}
