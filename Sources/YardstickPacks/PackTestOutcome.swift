/// What `plugins test` found for one pack: each fixture's checks.
public struct PackTestOutcome: Sendable {
    /// One expected figure compared with the computed one.
    public struct Check: Sendable, Hashable {
        /// The fixture's name (its folder under `tests/`).
        public var fixture: String
        /// The expectation.
        public var expectation: PackExpectation
        /// What went wrong, nil when the figure matched.
        public var failure: String?

        /// Whether the figure matched.
        public var passed: Bool { failure == nil }
    }

    /// The pack tested.
    public var pack: String
    /// Every check, fixture by fixture, in `expected.csv` order.
    public var checks: [Check] = []
    /// Problems that stopped a fixture or the pack from being tested at all (a fixture that
    /// does not load, an indicator file that does not load), with their location.
    public var errors: [String] = []

    /// Whether everything passed (and something was tested).
    public var passed: Bool { errors.isEmpty && !checks.isEmpty && checks.allSatisfy(\.passed) }

    /// The report, like a test framework's: one line per failure, a summary line per pack.
    public var lines: [String] {
        var lines: [String] = []
        var fixtures: [String] = []
        for check in checks where !fixtures.contains(check.fixture) { fixtures.append(check.fixture) }
        for fixture in fixtures {
            let mine = checks.filter { $0.fixture == fixture }
            let failed = mine.filter { !$0.passed }
            lines.append(
                "\(failed.isEmpty ? "✓" : "✗") \(pack) · \(fixture): \(mine.count - failed.count)/\(mine.count) passed")
            for check in failed {
                let e = check.expectation
                lines.append(
                    "    ✗ \(e.indicator) \(e.grain) \(e.subject) \(e.period) (expected.csv:\(e.line)): \(check.failure ?? "")"
                )
            }
        }
        for error in errors { lines.append("✗ \(pack): \(error)") }
        if checks.isEmpty && errors.isEmpty { lines.append("✗ \(pack): no fixtures (tests/*/expected.csv)") }
        let failed = checks.filter { !$0.passed }.count
        lines.append(
            "\(pack): \(checks.count - failed) passed, \(failed) failed"
                + (errors.isEmpty ? "" : ", \(errors.count) \(errors.count == 1 ? "error" : "errors")"))
        return lines
    }
}
