import YardstickData

/// Finds the rows of a compiled plan per period and subject, and hands them to a sink.
struct PartitionSelector {
    let compiled: QueryEngine.CompiledPlan
    /// Per row, the user (or account) it belongs to; empty when the rows are the targets.
    let owners: [Int32]
    let subjectOfTarget: [Int32]
    /// Per row, its breakdown member, when the subjects are split by members (else empty).
    var memberOfRow: [Int32] = []
    /// The number of members each subject is split into (1 when not split).
    var memberCount = 1
    /// Whether every row belongs to subject 0 (the company).
    var everyRow = false

    /// Rows read through a date index cost a few cache misses each, a scan a nanosecond or two:
    /// the index pays off when it selects less than this share of the table.
    static let indexShareDivisor = 48

    /// Feeds the rows selected in each period to `sink`, and returns the number of periods the
    /// cells cover: 1 when the selection is the same in every period (no filter depends on it).
    func select<Sink: SelectionSink>(_ periods: [PeriodDays], subjectCount: Int, into sink: inout Sink) -> Int {
        let table = compiled.table
        let dayFilters = compiled.dayFilters
        guard let periodFilter = dayFilters.firstIndex(where: { $0.range.isPeriod }) else {
            if !dayFilters.contains(where: { $0.range.dependsOnPeriod }), let first = periods.first {
                scan(test(for: first, skipping: nil), cellOffset: 0, into: &sink)
                return 1
            }
            for (index, period) in periods.enumerated() {
                scan(test(for: period, skipping: nil), cellOffset: index * subjectCount, into: &sink)
            }
            return periods.count
        }
        if periods.count == 1, let index = table.dateIndexes[dayFilters[periodFilter].field] {
            let period = periods[0]
            let candidates = index.rows(from: period.firstDay, through: period.lastDay)
            if candidates.count * Self.indexShareDivisor < table.rowCount {
                let test = self.test(for: period, skipping: periodFilter)
                for candidate in candidates {
                    let row = Int(candidate)
                    guard let subject = subject(of: row) else { continue }
                    if let test, !test(row) { continue }
                    sink.take(row: row, cell: subject)
                }
                return 1
            }
        }
        guard let mapping = PeriodMapping(periods) else {
            for (index, period) in periods.enumerated() {
                scan(test(for: period, skipping: nil), cellOffset: index * subjectCount, into: &sink)
            }
            return periods.count
        }
        // One scan for every period: each row goes to the period its day falls in. The other
        // tests are the same in every period unless another filter moves with the period.
        let days = dayFilters[periodFilter].days
        let validity = dayFilters[periodFilter].validity
        let rowCount = table.rowCount
        if dayFilters.count == 1 {
            let test = Self.conjunction(compiled.predicates)
            for row in 0..<rowCount {
                guard validity.isPresent(row), let period = mapping.period(of: days[row]),
                    let subject = subject(of: row)
                else { continue }
                if let test, !test(row) { continue }
                sink.take(row: row, cell: period * subjectCount + subject)
            }
        } else {
            let tests = periods.map { test(for: $0, skipping: periodFilter) }
            for row in 0..<rowCount {
                guard validity.isPresent(row), let period = mapping.period(of: days[row]),
                    let subject = subject(of: row)
                else { continue }
                if let test = tests[period], !test(row) { continue }
                sink.take(row: row, cell: period * subjectCount + subject)
            }
        }
        return periods.count
    }

    /// One test for every filter but `skipped` in one period (nil when nothing is left to test).
    private func test(for period: PeriodDays, skipping skipped: Int?) -> ((Int) -> Bool)? {
        let scope = QueryScope(subject: .company, firstDay: period.firstDay, lastDay: period.lastDay)
        var tests: [(Int) -> Bool] = []
        for (index, filter) in compiled.dayFilters.enumerated() where index != skipped {
            let (low, high) = filter.range.bounds(scope)
            let days = filter.days
            let validity = filter.validity
            tests.append { row in validity.isPresent(row) && days[row] >= low && days[row] <= high }
        }
        return Self.conjunction(tests + compiled.predicates)
    }

    /// The tests joined by "and", or nil for none.
    static func conjunction(_ tests: [(Int) -> Bool]) -> ((Int) -> Bool)? {
        switch tests.count {
        case 0: return nil
        case 1: return tests[0]
        case 2:
            let (first, second) = (tests[0], tests[1])
            return { first($0) && second($0) }
        default:
            return { row in tests.allSatisfy { $0(row) } }
        }
    }

    /// Feeds the rows of one period found by a scan of the whole table.
    private func scan<Sink: SelectionSink>(_ test: ((Int) -> Bool)?, cellOffset: Int, into sink: inout Sink) {
        for row in 0..<compiled.table.rowCount {
            guard let subject = subject(of: row) else { continue }
            if let test, !test(row) { continue }
            sink.take(row: row, cell: cellOffset + subject)
        }
    }

    @inline(__always)
    private func subject(of row: Int) -> Int? {
        let subject: Int
        if everyRow {
            subject = 0
        } else {
            let target = owners.isEmpty ? row : Int(owners[row])
            guard target >= 0, target < subjectOfTarget.count else { return nil }
            let owner = subjectOfTarget[target]
            guard owner >= 0 else { return nil }
            subject = Int(owner)
        }
        return memberOfRow.isEmpty ? subject : subject * memberCount + Int(memberOfRow[row])
    }
}
