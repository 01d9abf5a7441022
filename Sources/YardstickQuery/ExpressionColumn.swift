import YardstickData
import YardstickLocalization

/// An arithmetic measure's value on every row of the queried table, computed once when the
/// measure is compiled (``ExpressionCache`` keeps it for every later plan that asks again), so
/// every aggregate and every evaluation path reads it as it reads a stored column: exact sums
/// of an integer or decimal expression in the column-mode scan, code-free comparisons, no
/// per-row interpretation of the expression while queries run.
///
/// Types, row by row (docs/decisions/0022-field-expressions.md):
/// - integer `+ - *` integer is an integer; with a decimal on either side (or a constant
///   written with at most four decimal places, `0.9`), a decimal, exact; a decimal product
///   with more than four places is rounded half to even at the fourth (the scale of every
///   decimal here);
/// - `/` is a floating-point number, and so is anything combined with a floating-point
///   operand (a duration, a constant such as `0.123456`);
/// - null when any operand is null; `/` by zero and a result that is not finite are null too;
/// - an exact result beyond 64 bits is an error naming the row, never a wrapped number.
final class ExpressionColumn: @unchecked Sendable {
    /// The values, one per row of the table (meaningless where the row is null).
    enum Values {
        /// Whole numbers.
        case integer([Int64])
        /// Decimals, scaled by ``ExactDecimal/unit``.
        case decimal([Int64])
        /// Floating-point numbers.
        case number([Double])
    }

    /// The values' type.
    enum Kind {
        case integer, decimal, number
    }

    // The arrays are stored apart, not as a `Values` payload: Swift keeps a multi-payload
    // enum's case in the spare high bits of the array pointer, and LeakSanitizer, scanning an
    // engine that lives as long as the process (the Lua fuzz harness's fixture), then does not
    // recognise the pointer and reports the column as leaked.
    private let kind: Kind
    private let exact: [Int64]
    private let numbers: [Double]
    let validity: Validity

    init(values: Values, validity: Validity) {
        switch values {
        case .integer(let values): (kind, exact, numbers) = (.integer, values, [])
        case .decimal(let values): (kind, exact, numbers) = (.decimal, values, [])
        case .number(let values): (kind, exact, numbers) = (.number, [], values)
        }
        self.validity = validity
    }

    /// The values, one per row of the table (meaningless where the row is null).
    var values: Values {
        switch kind {
        case .integer: .integer(exact)
        case .decimal: .decimal(exact)
        case .number: .number(numbers)
        }
    }

    /// The deepest nesting an expression may have (the prelude refuses deeper ones first).
    static let maximumDepth = 64

    /// Evaluates an arithmetic measure on every row of `table`.
    ///
    /// - Throws: ``QueryError`` when an operand is not numeric (a date, text, a boolean), a
    ///   field is not mapped, the expression is nested too deeply, or an exact result
    ///   overflows 64 bits on some row.
    static func evaluate(_ measure: Measure, on table: Table, dataset: Dataset) throws(QueryError)
        -> ExpressionColumn
    {
        let node = try compile(measure, table, dataset, depth: 0)
        let rowCount = table.rowCount
        var validity = Validity()
        switch node.type {
        case .number:
            var values = [Double](repeating: 0, count: rowCount)
            for row in 0..<rowCount {
                let value = node.double(row)
                validity.append(value != nil)
                if let value { values[row] = value }
            }
            return ExpressionColumn(values: .number(values), validity: validity)
        case .integer, .decimal:
            var values = [Int64](repeating: 0, count: rowCount)
            for row in 0..<rowCount {
                switch node.exact(row) {
                case .null: validity.append(false)
                case .value(let value):
                    validity.append(true)
                    values[row] = value
                case .overflow:
                    let key = table.key(ofRow: row).map { " (id \($0))" } ?? ""
                    throw QueryError(
                        tr(
                            "%@ overflows the exact 64-bit range on %@ row %@%@", measure, table.entity.name, row + 1,
                            key))
                }
            }
            return ExpressionColumn(
                values: node.type == .integer ? .integer(values) : .decimal(values), validity: validity)
        }
    }

    // MARK: The expression as typed row functions

    private enum ValueType { case integer, decimal, number }

    private enum Exact {
        case null
        case value(Int64)
        case overflow
    }

    /// One node: its type and its value per row (`exact` for integers and scaled decimals,
    /// `double` for every type).
    private struct Node {
        let type: ValueType
        let exact: (Int) -> Exact
        let double: (Int) -> Double?

        init(exact type: ValueType, _ exact: @escaping (Int) -> Exact) {
            self.type = type
            self.exact = exact
            let divisor = type == .decimal ? Double(ExactDecimal.unit) : 1
            double = { row in
                if case .value(let value) = exact(row) { return Double(value) / divisor }
                return nil
            }
        }

        init(number double: @escaping (Int) -> Double?) {
            type = .number
            exact = { _ in .null }
            self.double = double
        }

        /// The value as a scaled decimal (integers times the unit).
        func scaled() -> (Int) -> Exact {
            guard type == .integer else { return exact }
            let exact = self.exact
            return { row in
                guard case .value(let value) = exact(row) else { return exact(row) }
                let (scaled, overflow) = value.multipliedReportingOverflow(by: ExactDecimal.unit)
                return overflow ? .overflow : .value(scaled)
            }
        }
    }

    private static func compile(_ measure: Measure, _ table: Table, _ dataset: Dataset, depth: Int)
        throws(QueryError) -> Node
    {
        guard depth < maximumDepth else {
            throw QueryError(tr("an arithmetic measure may nest at most %@ levels", maximumDepth))
        }
        switch measure {
        case .field(let path):
            let (column, hops) = try CompiledMeasure.resolve(path, on: table, dataset: dataset)
            let reader = CompiledMeasure(kind: .number([]), validity: column.validity, hops: hops)
            switch column.storage {
            case .integer(let values), .decimal(let values):
                let type: ValueType
                if case .integer = column.storage { type = .integer } else { type = .decimal }
                return Node(exact: type) { row in
                    guard let at = reader.target(row) else { return .null }
                    return .value(values[at])
                }
            default:
                throw QueryError(
                    tr(
                        "%@ is %@; arithmetic takes integer or decimal fields (for the time between two dates use days(a, b) or hours(a, b))",
                        path, CompiledMeasure.typeName(column.field.type)))
            }
        case .duration:
            let duration = try CompiledMeasure.compile(measure, on: table, dataset: dataset)
            return Node(number: { duration.double($0) })
        case .constant(let operand):
            return try constant(operand)
        case .arithmetic(let op, let leftMeasure, let rightMeasure):
            let left = try compile(leftMeasure, table, dataset, depth: depth + 1)
            let right = try compile(rightMeasure, table, dataset, depth: depth + 1)
            return combine(op, left, right)
        }
    }

    private static func constant(_ operand: Operand) throws(QueryError) -> Node {
        switch operand {
        case .integer(let value): return Node(exact: .integer) { _ in .value(value) }
        case .decimal(let value): return Node(exact: .decimal) { _ in .value(value.scaled) }
        case .number(let value):
            if let scaled = exactScaled(value) { return Node(exact: .decimal) { _ in .value(scaled) } }
            return Node(number: { _ in value })
        default:
            throw QueryError(tr("arithmetic takes numbers, not %@", operand))
        }
    }

    /// A floating-point constant as a scaled decimal when it is the nearest double to a
    /// number with at most four decimal places (`0.9`, `1.25`), nil otherwise (`0.1 + 0.2`).
    static func exactScaled(_ value: Double) -> Int64? {
        let scaledValue = (value * Double(ExactDecimal.unit)).rounded()
        guard scaledValue.isFinite, abs(scaledValue) < 9.0e18 else { return nil }
        let scaled = Int64(scaledValue)
        return Double(scaled) / Double(ExactDecimal.unit) == value ? scaled : nil
    }

    private static func combine(_ op: ArithmeticOperator, _ left: Node, _ right: Node) -> Node {
        if op == .divide || left.type == .number || right.type == .number {
            let (a, b) = (left.double, right.double)
            return Node(number: { row in
                guard let x = a(row), let y = b(row) else { return nil }
                let result: Double
                switch op {
                case .add: result = x + y
                case .subtract: result = x - y
                case .multiply: result = x * y
                case .divide:
                    guard y != 0 else { return nil }
                    result = x / y
                }
                return result.isFinite ? result : nil
            })
        }
        if left.type == .integer && right.type == .integer {
            let (a, b) = (left.exact, right.exact)
            return Node(exact: .integer) { row in
                guard case .value(let x) = a(row) else { return a(row) }
                guard case .value(let y) = b(row) else { return b(row) }
                let (result, overflow) =
                    switch op {
                    case .add: x.addingReportingOverflow(y)
                    case .subtract: x.subtractingReportingOverflow(y)
                    default: x.multipliedReportingOverflow(by: y)
                    }
                return overflow ? .overflow : .value(result)
            }
        }
        if op == .multiply {
            // A decimal times an integer keeps the decimal's scale; two decimals need one
            // division by the unit, rounded half to even when the product has more places.
            if left.type == .integer || right.type == .integer {
                let (a, b) = (left.exact, right.exact)
                return Node(exact: .decimal) { row in
                    guard case .value(let x) = a(row) else { return a(row) }
                    guard case .value(let y) = b(row) else { return b(row) }
                    let (result, overflow) = x.multipliedReportingOverflow(by: y)
                    return overflow ? .overflow : .value(result)
                }
            }
            let (a, b) = (left.exact, right.exact)
            return Node(exact: .decimal) { row in
                guard case .value(let x) = a(row) else { return a(row) }
                guard case .value(let y) = b(row) else { return b(row) }
                return scaledProduct(x, y)
            }
        }
        let (a, b) = (left.scaled(), right.scaled())
        return Node(exact: .decimal) { row in
            guard case .value(let x) = a(row) else { return a(row) }
            guard case .value(let y) = b(row) else { return b(row) }
            let (result, overflow) = op == .add ? x.addingReportingOverflow(y) : x.subtractingReportingOverflow(y)
            return overflow ? .overflow : .value(result)
        }
    }

    /// `x * y / unit` for two scaled decimals, rounded half to even, from the 128-bit product.
    static func scaledProductValue(_ x: Int64, _ y: Int64) -> Int64? {
        if case .value(let value) = scaledProduct(x, y) { return value }
        return nil
    }

    private static func scaledProduct(_ x: Int64, _ y: Int64) -> Exact {
        let unit = ExactDecimal.unit
        let product = x.multipliedFullWidth(by: y)
        // The quotient fits 64 bits exactly when the high half lies in [-unit/2, unit/2).
        guard product.high >= -unit / 2, product.high < unit / 2 else { return .overflow }
        let (quotient, remainder) = unit.dividingFullWidth(product)
        let twice = remainder.magnitude * 2
        guard twice > UInt64(unit) || (twice == UInt64(unit) && quotient & 1 != 0) else { return .value(quotient) }
        let (rounded, overflow) = quotient.addingReportingOverflow(remainder < 0 ? -1 : 1)
        return overflow ? .overflow : .value(rounded)
    }
}
