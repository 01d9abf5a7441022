/// Comparing run CSV with the expected CSV of expected_values.py.
enum ExpectedCSV {
    struct Row: Equatable, CustomStringConvertible {
        var value: String
        var unit: String
        var status: String
        var description: String { "\(value) \(unit) \(status)" }
    }

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    /// Rows keyed by `period,grain,subject_id,subject_name,indicator` (no field is quoted in
    /// these files; a quoted field is reported as malformed).
    static func rows(_ text: String) throws -> [String: Row] {
        var lines = text.split(separator: "\n").map(String.init)
        guard lines.first == CLITests.csvHeader else {
            throw Malformed(description: "header: \(lines.first ?? "")")
        }
        lines.removeFirst()
        var rows: [String: Row] = [:]
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 8, !line.contains("\"") else { throw Malformed(description: line) }
            let key = fields[0..<5].joined(separator: ",")
            guard rows[key] == nil else { throw Malformed(description: "duplicate row \(key)") }
            rows[key] = Row(value: fields[5], unit: fields[6], status: fields[7])
        }
        return rows
    }

    /// The indicators whose values are floats (expected_values.py: ratios, averages, medians);
    /// the others are integers or exact decimals.
    static let floatIndicators: Set<String> = [
        "win_rate", "avg_won_deal", "median_won_deal", "avg_sales_cycle_days", "revenue_share", "revenue_growth",
        "account_coverage", "csat",
    ]

    /// Same unit and status; integers and decimals equal as text, floats as the run's CSV writes
    /// them: ``sixDecimals(_:_:)``.
    static func matches(_ got: Row, _ want: Row, indicator: String) -> Bool {
        guard got.unit == want.unit, got.status == want.status else { return false }
        if got.value == want.value { return true }
        return floatIndicators.contains(indicator) && sixDecimals(got.value, want.value)
    }

    /// Whether `got` is `want` rounded to at most six decimal places, as the run's CSV writes
    /// floats (docs/run-output.md): no more than six decimals, and half a millionth apart at most.
    static func sixDecimals(_ got: String, _ want: String) -> Bool {
        guard let a = Double(got), let b = Double(want) else { return false }
        let decimals = got.split(separator: ".").dropFirst().first?.count ?? 0
        return decimals <= 6 && !got.lowercased().contains("e") && abs(a - b) <= 5e-7 * (1 + 1e-9)
    }
}
