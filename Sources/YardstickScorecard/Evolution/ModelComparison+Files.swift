import Foundation
import YardstickEngine

extension ModelComparison {
    /// The columns of ``csv()``, in order.
    public static let csvHeader =
        "period,subject_id,subject_name,scored_by,old_total,new_total,total_change,old_grade,new_grade,"
        + "old_rank,new_rank,rank_change,old_status,new_status,old_peer_group,new_peer_group,causes"

    /// The comparison as CSV: one row per subject in ``subjects`` order. `scored_by` is `both`,
    /// `old` or `new`; totals and changes are rounded to six decimals (no exponent), so floating
    /// noise (`91.80000000000001`) does not show; `causes` lists every indicator
    /// whose contribution changed, largest change first, as `id:+1.5;id:-0.25`.
    ///
    /// - Returns: The CSV text, with a header row and a final line break.
    public func csv() -> String {
        func number(_ value: Double?) -> String { value.map { ResultValue.number($0).tableText(unit: .number) } ?? "" }
        func signed(_ value: Double) -> String {
            let text = ResultValue.number(value).tableText(unit: .number)
            return value > 0 ? "+" + text : text
        }
        var lines = [Self.csvHeader]
        for subject in subjects {
            let scoredBy = subject.old == nil ? "new" : subject.new == nil ? "old" : "both"
            let fields: [String] = [
                period.label, subject.subject.id, subject.subject.name, scoredBy, number(subject.old?.total),
                number(subject.new?.total), number(subject.totalChange), subject.old?.grade ?? "",
                subject.new?.grade ?? "", subject.old?.rank.map(String.init) ?? "",
                subject.new?.rank.map(String.init) ?? "", subject.rankChange.map(String.init) ?? "",
                subject.old?.status.rawValue ?? "", subject.new?.status.rawValue ?? "", subject.old?.peerGroup ?? "",
                subject.new?.peerGroup ?? "",
                subject.causes.map { "\($0.indicatorID):\(signed($0.change))" }.joined(separator: ";"),
            ]
            lines.append(fields.map(CSVReportWriter.field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The comparison as JSON (documented in docs/model-evolution.md): `period`, `old`, `new`,
    /// `definitionChanges`, `subjects` (each with `subject`, `old`, `new`, `rankChange`,
    /// `totalChange`, `causes`) and `summary`; keys sorted, absent values left out.
    ///
    /// - Returns: The JSON text, with a final line break.
    public func json() -> String {
        let document = ComparisonDocument(
            period: ComparisonDocument.PeriodText(label: period.label, first: period.firstDate, last: period.lastDate),
            old: old, new: new, definitionChanges: definitionChanges,
            subjects: subjects.map { subject in
                ComparisonDocument.Subject(
                    subject: ComparisonDocument.Who(
                        grain: subject.subject.grain.rawValue, id: subject.subject.id, name: subject.subject.name,
                        team: subject.subject.team, role: subject.subject.role),
                    old: subject.old, new: subject.new, rankChange: subject.rankChange,
                    totalChange: subject.totalChange, causes: subject.causes)
            }, summary: summary)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// The JSON layout of a comparison.
private struct ComparisonDocument: Encodable {
    struct PeriodText: Encodable {
        var label: String
        var first: String
        var last: String
    }

    struct Who: Encodable {
        var grain: String
        var id: String
        var name: String
        var team: String?
        var role: String?
    }

    struct Subject: Encodable {
        var subject: Who
        var old: SubjectStanding?
        var new: SubjectStanding?
        var rankChange: Int?
        var totalChange: Double?
        var causes: [ContributionChange]
    }

    var period: PeriodText
    var old: ComparedModel
    var new: ComparedModel
    var definitionChanges: [DefinitionChange]
    var subjects: [Subject]
    var summary: ComparisonSummary
}
