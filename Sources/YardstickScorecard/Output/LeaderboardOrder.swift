import YardstickEngine
import YardstickScoring

/// The order of a leaderboard's subjects (the score table, Markdown, HTML and the workbook's
/// Leaderboard sheet), shared so that all list them alike.
///
/// By default the leaderboard is by rank: ranked subjects by rank, then incomplete totals
/// (highest first), then those without a total; equal ranks (ties) are ordered by name with
/// the collation of ``SubjectOrder`` (pinyin for Chinese names), then identifier. `--sort name`
/// orders by name only; `--sort ID` by an indicator's value, a dimension's score (`ID` being
/// the node's id) or `total`, descending unless `:asc`, subjects without one last.
package enum LeaderboardOrder {
    /// `subjects` in the leaderboard's order.
    ///
    /// - Parameters:
    ///   - subjects: One peer group's subjects.
    ///   - order: `--sort`, nil for by rank.
    ///   - locale: The report's locale (where Chinese names go).
    package static func ordered(_ subjects: [ScoredSubject], order: SubjectOrder?, locale: String) -> [ScoredSubject] {
        if let order {
            return order.sorted(
                subjects, locale: locale, id: \.subject.id, name: \.subject.name,
                value: { subject, id in value(of: id, in: subject.scorecard) })
        }
        let collation = NameCollation(locale: locale)
        return subjects.enumerated().sorted { left, right in
            let a = ScoreTableWriter.sortKey(left.element.scorecard)
            let b = ScoreTableWriter.sortKey(right.element.scorecard)
            if a != b { return a < b }
            switch collation.compare(left.element.subject.name, right.element.subject.name) {
            case .orderedAscending: return true
            case .orderedDescending: return false
            case .orderedSame:
                let (x, y) = (left.element.subject.id, right.element.subject.id)
                return x != y ? x < y : left.offset < right.offset
            }
        }.map(\.element)
    }

    /// What `--sort ID` sorts a scorecard by: `total`, an indicator's value, or the score of
    /// the dimension with that id; nil (sorted last) when there is none.
    static func value(of id: String, in scorecard: SubjectScorecard) -> ResultValue? {
        if id == "total" { return scorecard.total.map(ResultValue.number) }
        if let indicator = scorecard.indicators.first(where: { $0.indicatorID == id }) {
            return indicator.value.map(ResultValue.number)
        }
        if let dimension = scorecard.dimensions.first(where: { $0.path.last == id }) {
            return dimension.score.map(ResultValue.number)
        }
        return nil
    }

    /// Whether `id` names something `--sort` can order this report's leaderboard by.
    package static func knows(_ id: String, report: ScoreReport) -> Bool {
        guard id != "total", id != "name" else { return true }
        return report.indicators.contains { $0.id == id }
            || report.periods.contains { period in
                period.subjects.contains { subject in
                    subject.scorecard.dimensions.contains { $0.path.last == id }
                        || subject.scorecard.indicators.contains { $0.indicatorID == id }
                }
            }
    }
}
