// TEMPORARY PLACEHOLDER (runner branch): the writers helper owns Output/ScoreReportWriter.swift
// with this same protocol and registry. TODO(lead): drop this file at merge and keep theirs.

/// Turns a score report into bytes in one format.
public protocol ScoreReportWriter: Sendable {
    /// The report as bytes.
    ///
    /// - Parameters:
    ///   - report: The report.
    ///   - locale: `en` or `zh-CN`.
    func write(_ report: ScoreReport, locale: String) -> [UInt8]
}

/// The score report formats.
public enum ScoreReportWriters {
    /// The format names, in the order help lists them.
    public static let formats: [String] = ["table", "json", "csv"]

    /// The writer of a format, or nil for an unknown one.
    ///
    /// - Parameter format: `table`, `csv` or `json`.
    public static func writer(for format: String) -> (any ScoreReportWriter)? {
        formats.contains(format) ? PlaceholderScoreWriter() : nil
    }
}

/// One line per subject: period, subject, total, grade, rank (placeholder until the writers
/// land).
private struct PlaceholderScoreWriter: ScoreReportWriter {
    func write(_ report: ScoreReport, locale: String) -> [UInt8] {
        var text = ""
        for period in report.periods {
            for subject in period.subjects {
                let total = subject.scorecard.total.map { "\($0)" } ?? ""
                text +=
                    [
                        period.period.label, subject.subject.id, total, subject.scorecard.grade ?? "",
                        subject.scorecard.rank.map(String.init) ?? "",
                    ].joined(separator: ",") + "\n"
            }
        }
        return Array(text.utf8)
    }
}
