import YardstickData
import YardstickLocalization

/// A field compared with another value of the same row (`completed_at <= due_at`,
/// `amount > product.list_price`, `amount >= cost * 1.2`), bound to columns.
///
/// Both sides are read through references when they are dot paths. A row where either side is
/// null matches no comparison, `~=` included. How the types meet:
/// - numbers (integers, decimals, arithmetic, durations): by value, exactly between integers and
///   decimals, as doubles when a side is a floating-point number;
/// - two dates by day, two datetimes by instant, a date and a datetime by the datetime's local
///   day in the workspace time zone (`completed_at <= due_at` holds all through the due day);
/// - text, enum values and references (by the referenced id) as text, in the order of Swift's
///   `String` (the order of constant comparisons); two fields of the same enum in its declared
///   order, as for constants;
/// - booleans, false before true.
///
/// Any other pair (a date and a number, text and a number) is an error when the plan is
/// prepared, which the script sees at its line.
enum FieldComparison {
    /// The row test of `path comparison other`.
    static func predicate(
        _ path: FieldPath, _ comparison: Comparison, _ other: Measure, table: Table, dataset: Dataset,
        expressions: ExpressionCache?
    ) throws(QueryError) -> (Int) -> Bool {
        let left = try Side(.field(path), table: table, dataset: dataset, expressions: expressions)
        let right = try Side(other, table: table, dataset: dataset, expressions: expressions)
        let mismatch = QueryError(
            tr(
                "cannot compare %@ (%@) with %@ (%@)", path, left.typeName, Operand.measure(other).description,
                right.typeName))
        switch (left.kind, right.kind) {
        case (.integer(let a), .integer(let b)), (.decimal(let a), .decimal(let b)):
            return test(left.read(a), right.read(b), comparison)
        case (.integer(let a), .decimal(let b)):
            return test(left.read(a, map: scaledSaturating), right.read(b), comparison)
        case (.decimal(let a), .integer(let b)):
            return test(left.read(a), right.read(b, map: scaledSaturating), comparison)
        case (.date(let a), .date(let b)):
            return test(left.read(a), right.read(b), comparison)
        case (.datetime(let a), .datetime(let b)):
            return test(left.read(a), right.read(b), comparison)
        case (.date(let a), .datetime):
            return test(left.read(a), right.read(right.localDays()), comparison)
        case (.datetime, .date(let b)):
            return test(left.read(left.localDays()), right.read(b), comparison)
        case (.boolean(let a), .boolean(let b)):
            return test(left.read(a, map: { $0 ? 1 : 0 }), right.read(b, map: { $0 ? 1 : 0 }), comparison)
        case (.enumeration(let a, let names), .enumeration(let b, let otherNames)) where names == otherNames:
            return test(left.read(a), right.read(b), comparison)
        default:
            if let (a, b) = TextRanks.ranks(left.kind, right.kind) {
                return test(left.read(a.codes, map: a.rank), right.read(b.codes, map: b.rank), comparison)
            }
            if left.isNumeric && right.isNumeric {
                return test(left.measure.double, right.measure.double, comparison)
            }
            throw mismatch
        }
    }

    /// An integer on the decimal scale, saturated: beyond the range of a scaled decimal, it is
    /// still above (or below) every decimal.
    private static func scaledSaturating(_ value: Int64) -> Int64 {
        let (scaled, overflow) = value.multipliedReportingOverflow(by: ExactDecimal.unit)
        if overflow { return value > 0 ? .max : .min }
        return scaled
    }

    /// The comparison of two row readers; false when either is null.
    private static func test<T: Comparable>(
        _ left: @escaping (Int) -> T?, _ right: @escaping (Int) -> T?, _ comparison: Comparison
    ) -> (Int) -> Bool {
        switch comparison {
        case .equal:
            return { row in
                guard let a = left(row), let b = right(row) else { return false }; return a == b
            }
        case .notEqual:
            return { row in
                guard let a = left(row), let b = right(row) else { return false }; return a != b
            }
        case .less:
            return { row in
                guard let a = left(row), let b = right(row) else { return false }; return a < b
            }
        case .lessOrEqual:
            return { row in
                guard let a = left(row), let b = right(row) else { return false }; return a <= b
            }
        case .greater:
            return { row in
                guard let a = left(row), let b = right(row) else { return false }; return a > b
            }
        case .greaterOrEqual:
            return { row in
                guard let a = left(row), let b = right(row) else { return false }; return a >= b
            }
        }
    }

    /// One side of the comparison: a compiled measure and, for a datetime field, the table that
    /// holds it (for its local days).
    private struct Side {
        let measure: CompiledMeasure
        let typeName: String
        let holder: Table?
        let fieldName: String?

        init(_ measure: Measure, table: Table, dataset: Dataset, expressions: ExpressionCache?) throws(QueryError) {
            switch measure {
            case .field(let path):
                let (column, hops, holder) = try CompiledMeasure.resolveHolding(path, on: table, dataset: dataset)
                self.measure = CompiledMeasure(
                    kind: CompiledMeasure.kind(of: column), validity: column.validity, hops: hops)
                typeName = CompiledMeasure.typeName(column.field.type)
                self.holder = holder
                fieldName = column.field.name
            case .constant(let operand):
                throw QueryError(
                    tr("field(…) compares with a field or arithmetic over fields, not the constant %@", operand))
            default:
                self.measure = try CompiledMeasure.compile(
                    measure, on: table, dataset: dataset, expressions: expressions)
                typeName = "a number"
                holder = nil
                fieldName = nil
            }
        }

        var kind: CompiledMeasure.Kind { measure.kind }

        var isNumeric: Bool {
            switch measure.kind {
            case .integer, .decimal, .number, .duration: true
            default: false
            }
        }

        /// A reader of the side's value per row of the queried table.
        func read<T>(_ values: [T]) -> (Int) -> T? {
            let measure = self.measure
            return { row in measure.target(row).map { values[$0] } }
        }

        /// A reader of the side's value per row, mapped.
        func read<T, U>(_ values: [T], map: @escaping (T) -> U) -> (Int) -> U? {
            let measure = self.measure
            return { row in measure.target(row).map { map(values[$0]) } }
        }

        /// The local day of each row of a datetime column (by the workspace's time zone, from
        /// its date index; whole UTC days if the column has no index).
        func localDays() -> [Int32] {
            if let holder, let fieldName, let index = holder.dateIndexes[fieldName] { return index.localDays }
            guard case .datetime(let seconds) = measure.kind else { return [] }
            return seconds.map { Int32(clamping: $0 >= 0 ? $0 / 86_400 : ($0 - 86_399) / 86_400) }
        }
    }

    /// Text compared as text: each side's codes mapped to ranks in the sorted union of both
    /// sides' values, so a row's test compares two integers.
    private enum TextRanks {
        struct Ranked {
            let codes: [Int32]
            let rank: (Int32) -> Int32
        }

        static func ranks(_ left: CompiledMeasure.Kind, _ right: CompiledMeasure.Kind) -> (Ranked, Ranked)? {
            guard let (leftCodes, leftTexts) = texts(left), let (rightCodes, rightTexts) = texts(right) else {
                return nil
            }
            let sorted = Array(Set(leftTexts).union(rightTexts)).sorted()
            var rankOf: [String: Int32] = [:]
            for (rank, text) in sorted.enumerated() { rankOf[text] = Int32(rank) }
            let leftRanks = leftTexts.map { rankOf[$0] ?? -1 }
            let rightRanks = rightTexts.map { rankOf[$0] ?? -1 }
            return (
                Ranked(
                    codes: leftCodes,
                    rank: { code in code >= 0 && Int(code) < leftRanks.count ? leftRanks[Int(code)] : -1 }),
                Ranked(
                    codes: rightCodes,
                    rank: { code in code >= 0 && Int(code) < rightRanks.count ? rightRanks[Int(code)] : -1 })
            )
        }

        /// Per row the code, and per code its text.
        private static func texts(_ kind: CompiledMeasure.Kind) -> ([Int32], [String])? {
            switch kind {
            case .text(let codes, let dictionary):
                return (codes, (0..<dictionary.count).map { dictionary[Int32($0)] })
            case .enumeration(let codes, let names):
                return (codes.map { Int32($0) }, names)
            default:
                return nil
            }
        }
    }
}
