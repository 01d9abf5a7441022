import YardstickData
import YardstickEngine
import YardstickLocalization
import YardstickScoring

/// How a team, department or the company stands in one period under a model: its own figures
/// (each indicator evaluated at its grain) against its own targets with the rule that gave
/// them, and the distribution of its members' totals and node scores — what
/// `yardstick explain --model … --per team` shows. A rollup has no weighted total of its own:
/// the model's formula is never applied to figures that only make sense per person.
public struct RollupExplanation: Sendable {
    /// The model.
    public var definition: ScorecardDefinition
    /// The scored period.
    public var period: Period
    /// The days the values cover.
    public var window: Period
    /// The as-of day number.
    public var asOf: Int32
    /// The unit explained.
    public var rollup: RollupSubject
    /// Its scored members, in the report's order.
    public var members: [ScoredSubject]
    /// The indicators' titles, units and directions, by id.
    public var indicators: [String: IndicatorInfo]

    /// Finds a rollup subject of a report.
    ///
    /// - Parameters:
    ///   - report: The scored report.
    ///   - subjectID: The unit's id (`T1`, `company`).
    ///   - grain: The unit's grain (team, department, company).
    ///   - periodLabel: The period's label, or nil for the report's first period.
    /// - Throws: ``ScorecardError`` when the report has no such period or unit.
    public init(report: ScoreReport, subjectID: String, grain: Grain, periodLabel: String? = nil)
        throws(ScorecardError)
    {
        let file = report.definition.file
        guard let scores = report.periods.first(where: { periodLabel == nil || $0.period.label == periodLabel }) else {
            throw ScorecardError([
                ScorecardProblem(file: file, line: nil, message: tr("the report has no period %@", periodLabel ?? ""))
            ])
        }
        let units = scores.rollups.filter { $0.subject.grain == grain }
        guard let rollup = units.first(where: { $0.subject.id == subjectID }) else {
            let rolled = report.definition.rollups.map(\.rawValue).joined(separator: ", ")
            let detail =
                units.isEmpty
                ? "the model rolls up \(rolled.isEmpty ? "no grain" : rolled)"
                : "e.g. " + units.prefix(5).map(\.subject.id).joined(separator: ", ")
            throw ScorecardError([
                ScorecardProblem(
                    file: file, line: nil,
                    message: tr(
                        "model %@ has no %@ \"%@\" in %@ (%@)", report.definition.id, grain.rawValue, subjectID,
                        scores.period.label, detail))
            ])
        }
        let memberIDs = Set(rollup.memberIDs)
        definition = report.definition
        period = scores.period
        window = scores.window
        asOf = report.asOf
        self.rollup = rollup
        members = scores.subjects.filter { memberIDs.contains($0.subject.id) }
        indicators = Dictionary(report.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The explanation as text, in English or Simplified Chinese (`zh-CN`), aligned by display
    /// width.
    ///
    /// - Parameter locale: `en` or `zh-CN`.
    /// - Returns: The text, without a final line break.
    public func text(locale: String = "en") -> String {
        let chinese = ScoreText.isChinese(locale)
        func pick(_ english: String, _ zh: String) -> String { chinese ? zh : english }
        let unit = rollup.subject
        var pairs: [(String, String)] = [
            (
                pick("Model:", "模型："),
                "\(definition.title(locale: locale)) (\(definition.id)"
                    + (definition.version.map { ", \(pick("version", "版本")) \($0)" } ?? "") + ") — \(definition.file)"
            ),
            (pick("Subject:", "对象："), "\(unit.name) (\(unit.grain.name(locale: locale)) \(unit.id))"),
            (pick("Period:", "期间："), "\(period.label) (\(period.firstDate) … \(period.lastDate))"),
        ]
        if window.lastDay < period.lastDay {
            let covered =
                window.lastDay < window.firstDay
                ? pick("no days yet", "尚无天数") : "\(window.firstDate) … \(window.lastDate)"
            let asOfDate = CivilDate.isoString(ofDay: asOf)
            pairs.append(
                (
                    pick("Window:", "统计区间："),
                    pick(
                        "\(covered), to date as of \(asOfDate); targets are the whole period's",
                        "\(covered)，截至 \(asOfDate)；目标为整个期间的目标")
                ))
        }
        let names = members.prefix(8).map { member in
            member.subject.name == member.subject.id
                ? member.subject.id : "\(member.subject.name) (\(member.subject.id))"
        }.joined(separator: ", ")
        let more = members.count > 8 ? pick(", … \(members.count - 8) more", "，… 另 \(members.count - 8) 人") : ""
        pairs.append(
            (
                pick("Members:", "成员："),
                pick("\(members.count) scored", "\(members.count) 人参与考核") + (members.isEmpty ? "" : ": \(names)\(more)")
            ))
        let totals = rollup.totalStatistics
        pairs.append((pick("Totals:", "总分分布："), statistics(totals, chinese: chinese)))
        var lines = ScoreText.aligned(pairs, indent: "")

        lines.append("")
        lines.append(
            pick(
                "Its own figures (each indicator evaluated for the \(unit.grain.rawValue), against its own target):",
                "自身指标（按\(unit.grain.name(locale: locale))口径计算，对照自身目标）："))
        var figures = TextTable(
            headers: chinese ? ["指标", "值", "目标", "完成率"] : ["Indicator", "Value", "Target", "Completion"],
            rightAligned: [1, 2, 3])
        var notes: [String] = []
        for figure in rollup.figures {
            let measure = indicators[figure.indicatorID]?.unit
            figures.rows.append([
                figure.indicatorID, ScoreText.value(figure.value, unit: measure, locale: locale),
                ScoreText.value(figure.target.value, unit: measure, locale: locale),
                ScoreText.percent(figure.completion?.ratio),
            ])
            if figure.value == nil, let reason = figure.missingValueReason {
                notes.append("  \(figure.indicatorID): \(pick("no value", "无值")) — \(reason)")
            }
            var rule = figure.target.rule
            if !figure.target.quotaRows.isEmpty {
                rule += "; \(pick("rows", "行")) " + figure.target.quotaRows.joined(separator: ", ")
            }
            if figure.target.value == nil, let reason = figure.target.missingReason { rule += " (\(reason))" }
            notes.append("  \(figure.indicatorID): \(pick("target", "目标")) — \(rule)")
        }
        lines.append(figures.render(indent: "  "))
        lines += notes

        lines.append("")
        lines.append(pick("Members' scores by node:", "成员得分分布（按维度与指标）："))
        var nodes = TextTable(
            headers: chinese
                ? ["路径", "人数", "平均", "中位数", "最低", "最高", "标准差"]
                : ["Path", "Count", "Mean", "Median", "Min", "Max", "Spread"],
            rightAligned: [1, 2, 3, 4, 5, 6])
        for (path, statistics) in rollup.nodeStatistics {
            nodes.rows.append([
                String(repeating: "  ", count: max(0, path.count - 1)) + (path.last ?? ""), String(statistics.count),
                ScoreText.score(statistics.mean), ScoreText.score(statistics.median),
                ScoreText.score(statistics.minimum), ScoreText.score(statistics.maximum),
                ScoreText.score(statistics.standardDeviation),
            ])
        }
        lines.append(nodes.render(indent: "  "))
        return lines.joined(separator: "\n")
    }

    private func statistics(_ statistics: PeerStatistics, chinese: Bool) -> String {
        guard statistics.count > 0 else { return chinese ? "无完整总分" : "no complete totals" }
        let figures = [
            (chinese ? "平均" : "mean", statistics.mean), (chinese ? "中位数" : "median", statistics.median),
            (chinese ? "最低" : "min", statistics.minimum), (chinese ? "最高" : "max", statistics.maximum),
            (chinese ? "标准差" : "spread", statistics.standardDeviation),
        ].map { "\($0.0) \(ScoreText.score($0.1))" }.joined(separator: ", ")
        return figures + (chinese ? "（\(statistics.count) 个完整总分）" : " (\(statistics.count) complete totals)")
    }
}
