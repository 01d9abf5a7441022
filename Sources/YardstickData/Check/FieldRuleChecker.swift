import YardstickLocalization

/// Counts the rows of a table that break the vocabulary's field rules (see ``FieldRule``), with
/// a few examples located by `file:line`.
struct FieldRuleChecker {
    /// The loaded rows.
    let table: Table
    /// What loading the entity found (for row locations).
    let report: EntityLoadReport
    /// How many examples a problem shows.
    var exampleCount = 3

    /// One problem per rule that some rows break; rules on unmapped fields are skipped.
    func problems(_ rules: [FieldRule]) -> [CheckProblem] {
        rules.compactMap(problem)
    }

    private func problem(_ rule: FieldRule) -> CheckProblem? {
        guard rule.fields.allSatisfy({ table.columns[$0] != nil }), let column = table.columns[rule.field]
        else { return nil }
        var count = 0
        var examples: [String] = []
        func broken(_ row: Int, _ detail: @autoclosure () -> String) {
            count += 1
            if examples.count < exampleCount { examples.append(place(row) + detail()) }
        }
        switch rule.requirement {
        case .notBefore(let otherName):
            guard let other = table.columns[otherName], let later = Self.instants(column),
                let earlier = Self.instants(other)
            else { return nil }
            for row in 0..<table.rowCount
            where column.validity.isPresent(row) && other.validity.isPresent(row) && later(row) < earlier(row) {
                broken(
                    row,
                    tr("%@ %@ is before %@ %@", rule.field, Self.shown(column, row), otherName, Self.shown(other, row)))
            }
        case .nonNegative:
            guard let (number, _) = Self.numbers(column) else { return nil }
            for row in 0..<table.rowCount where column.validity.isPresent(row) && number(row) < 0 {
                broken(row, "\(rule.field) \(Self.shown(column, row))")
            }
        case .range(let low, let high, let condition):
            guard let (number, unit) = Self.numbers(column) else { return nil }
            let bounds = low * unit...high * unit
            let filter = condition.flatMap { condition in
                table.columns[condition.field].map { ($0, CellValue.string(condition.value)) }
            }
            for row in 0..<table.rowCount where column.validity.isPresent(row) && !bounds.contains(number(row)) {
                if let (conditionColumn, wanted) = filter, conditionColumn.value(at: row) != wanted { continue }
                broken(row, "\(rule.field) \(Self.shown(column, row))")
            }
        }
        guard count > 0 else { return nil }
        let rows = count == 1 ? tr("1 row breaks") : tr("%@ rows break", count)
        return CheckProblem(
            kind: .ruleViolation, field: rule.field, count: count, message: tr("%@ the rule %@", rows, rule),
            examples: examples, rule: rule.description)
    }

    /// `file:line: ` of a row, or `row N: ` when its source is unknown.
    private func place(_ row: Int) -> String {
        (report.location(ofRow: row) ?? tr("row %@", row + 1)) + ": "
    }

    private static func shown(_ column: Column, _ row: Int) -> String {
        DisplayText.example(column.value(at: row).description)
    }

    /// Seconds since the epoch of each row of a date (at midnight) or datetime column.
    private static func instants(_ column: Column) -> ((Int) -> Int64)? {
        switch column.storage {
        case .date(let days): { Int64(days[$0]) * 86_400 }
        case .datetime(let seconds): { seconds[$0] }
        default: nil
        }
    }

    /// Each row of an integer or decimal column as stored, and the stored value of 1.
    private static func numbers(_ column: Column) -> (values: (Int) -> Int64, unit: Int64)? {
        switch column.storage {
        case .integer(let values): ({ values[$0] }, 1)
        case .decimal(let scaled): ({ scaled[$0] }, ExactDecimal.unit)
        default: nil
        }
    }
}
