import YardstickLocalization

/// A period text that could not be read, with the reason and the forms that are accepted.
///
/// ```
/// "2026-13" is not a period: the month must be 01 to 12. Accepted forms: 2026-10 (month), …
/// ```
public struct PeriodError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text as the user wrote it.
    public let text: String
    /// What is wrong with it, without the list of accepted forms (`the month must be 01 to 12`).
    public let reason: String
    /// Whether the text was given as a range of periods (`--period-range`) rather than one period.
    public let isRange: Bool

    /// Creates an error for `text`.
    ///
    /// - Parameters:
    ///   - text: The text as the user wrote it.
    ///   - reason: What is wrong, starting in lower case, without a final period.
    ///   - isRange: Whether the text was meant as a range of periods.
    public init(text: String, reason: String, isRange: Bool = false) {
        self.text = text
        self.reason = reason
        self.isRange = isRange
    }

    /// The forms one period may be written in.
    public static var acceptedForms: String {
        tr(
            "2026-10 (month), 2026-Q3 (quarter), 2026-H1 (half), 2026 (year), 2026-W05 (week), 2026-10-31 (day), FY2026, FY2026-Q1, FY2026-H2 (fiscal year, quarter, half), 2026-01-01..2026-03-31 (dates)"
        )
    }

    /// The forms a range of periods may be written in.
    public static var acceptedRangeForms: String {
        tr(
            "2026-01..2026-06 (each month), 2026-Q1..2026-Q4 (each quarter), 2025..2026 (each year), or any two periods of the same kind"
        )
    }

    /// The whole message for the user: the text, the reason and the accepted forms.
    public var message: String {
        isRange
            ? tr("\"%@\" is not a period range: %@. Accepted forms: %@", text, reason, Self.acceptedRangeForms)
            : tr("\"%@\" is not a period: %@. Accepted forms: %@", text, reason, Self.acceptedForms)
    }

    /// The same as ``message``.
    public var description: String { message }
}
