import YardstickData
import YardstickEngine
import YardstickScoring

extension ScoreExplanation {
    /// The explanation as text for the terminal, in English or Simplified Chinese (`zh-CN`):
    /// a heading (model, subject, period, total, grade, rank), a table of every dimension and
    /// indicator (value, target, completion, score, weight, share of the total, contribution),
    /// then one block per node saying how its numbers came about.
    ///
    /// Columns are aligned by display width, so Chinese names and labels line up.
    ///
    /// - Parameter locale: `en` or `zh-CN`.
    /// - Returns: The text, without a final line break.
    public func text(locale: String = "en") -> String {
        let words = ExplanationWords(locale: locale)
        var lines = ScoreText.aligned(heading(words, locale: locale), indent: "")
        lines.append("")
        lines.append(table(words, locale: locale))
        for node in subject.scorecard.nodes { lines += details(of: node, parent: nil, words, locale: locale) }
        return lines.joined(separator: "\n")
    }

    private func heading(_ words: ExplanationWords, locale: String) -> [(String, String)] {
        let card = subject.scorecard
        let who = subject.subject
        var facts = [who.grain.name(locale: locale) + " " + who.id]
        if let team = who.team { facts.append("\(words.team) \(team)") }
        if let role = who.role { facts.append("\(words.role) \(role)") }
        var pairs: [(String, String)] = [
            (
                words.model,
                "\(definition.title(locale: locale)) (\(definition.id)"
                    + (definition.version.map { ", \(words.version) \($0)" } ?? "") + ") — \(definition.file)"
            ),
            (words.subject, "\(who.name) (\(facts.joined(separator: ", ")))"),
            (words.period, "\(period.label) (\(period.firstDate) … \(period.lastDate))"),
        ]
        if window.lastDay < period.lastDay {
            let asOfDate = CivilDate.isoString(ofDay: asOf)
            let covered =
                window.lastDay < window.firstDay ? words.noDaysYet : "\(window.firstDate) … \(window.lastDate)"
            pairs.append((words.window, words.toDate(covered, asOfDate)))
        }
        var total = ScoreText.score(card.total) + " (" + ScoreText.status(card.status, locale: locale) + ")"
        if card.status == .incomplete {
            let lacking = card.missingIndicators.filter { $0.policy == .markIncomplete }.map {
                $0.path.joined(separator: " › ")
            }
            total += " — " + words.lacking(lacking.joined(separator: ", "))
        }
        pairs.append((words.total, total))
        if definition.model.grades != nil {
            if let (band, below) = gradeBand {
                let range =
                    below.map { "\(ScoreText.weight(band.minimum)) ≤ \(words.totalWord) < \(ScoreText.weight($0))" }
                    ?? "\(words.totalWord) ≥ \(ScoreText.weight(band.minimum))"
                pairs.append((words.grade, "\(band.grade) (\(range))"))
            } else {
                pairs.append((words.grade, card.status == .complete ? words.belowEveryBand : words.noGradeIncomplete))
            }
        }
        if let rank = card.rank {
            pairs.append((words.rank, words.rankText(rank, rankedInPeerGroup, subject.peerGroup, peerGroupSize)))
        } else {
            pairs.append((words.rank, words.noRank(subject.peerGroup)))
        }
        if let distribution = definition.model.forcedDistribution {
            let shares = distribution.shares.map { "\($0.grade) \(ScoreText.weight($0.percent)) %" }.joined(
                separator: ", ")
            pairs.append((words.forced, (card.distributedGrade ?? "—") + " (\(shares))"))
        }
        return pairs
    }

    private func table(_ words: ExplanationWords, locale: String) -> String {
        var table = TextTable(headers: words.columns, rightAligned: [1, 2, 3, 4, 5, 6, 7])
        func walk(_ nodes: [NodeScore], depth: Int) {
            let indent = String(repeating: "  ", count: depth)
            for node in nodes {
                switch node {
                case .dimension(let dimension):
                    table.rows.append([
                        indent + dimension.id, "", "", "", ScoreText.score(dimension.score),
                        ScoreText.weight(dimension.declaredWeight), ScoreText.percent(dimension.totalShare),
                        ScoreText.score(dimension.contribution),
                    ])
                    walk(dimension.children, depth: depth + 1)
                case .indicator(let indicator):
                    let unit = indicators[indicator.indicatorID]?.unit
                    table.rows.append([
                        indent + indicator.indicatorID, ScoreText.value(indicator.value, unit: unit, locale: locale),
                        ScoreText.value(indicator.target, unit: unit, locale: locale),
                        ScoreText.percent(indicator.completion?.ratio), ScoreText.score(indicator.countedScore),
                        ScoreText.weight(indicator.declaredWeight), ScoreText.percent(indicator.totalShare),
                        ScoreText.score(indicator.contribution),
                    ])
                }
            }
        }
        walk(subject.scorecard.nodes, depth: 0)
        table.rows.append([words.totalRow, "", "", "", "", "", "", ScoreText.score(subject.scorecard.total)])
        return table.render()
    }

    private func details(of node: NodeScore, parent: String?, _ words: ExplanationWords, locale: String) -> [String] {
        var pairs: [(String, String)] = []
        let ofParent = parent.map(words.ofParent) ?? words.ofModel
        var lines = [""]
        switch node {
        case .dimension(let dimension):
            lines.append(
                "\(dimension.path.joined(separator: " › ")) — \(words.subtotal) \(ScoreText.score(dimension.score))")
            let terms = dimension.children.compactMap { child -> String? in
                switch child {
                case .indicator(let indicator):
                    guard let counted = indicator.countedScore, indicator.share > 0 else { return nil }
                    return
                        "\(indicator.indicatorID) \(ScoreText.score(counted)) × \(ScoreText.percent(indicator.share))"
                case .dimension(let inner):
                    guard let score = inner.score, inner.share > 0 else { return nil }
                    return "\(inner.id) \(ScoreText.score(score)) × \(ScoreText.percent(inner.share))"
                }
            }
            pairs.append(
                (
                    words.subtotalLabel,
                    terms.isEmpty ? "—" : terms.joined(separator: " + ") + " = " + ScoreText.score(dimension.score)
                ))
            if let policy = dimension.appliedPolicy {
                pairs.append(
                    (words.policyLabel, words.everyChildLeftOut + " — " + ScoreText.policy(policy, locale: locale)))
            }
            pairs.append(
                (
                    words.weightLabel,
                    words.weightPath(dimension.declaredWeight, dimension.share, ofParent, dimension.totalShare)
                ))
            pairs.append(
                (words.contributionLabel, contribution(dimension.score, dimension.totalShare, dimension.contribution)))
            lines += ScoreText.aligned(pairs, indent: "  ")
            for child in dimension.children { lines += details(of: child, parent: dimension.id, words, locale: locale) }
        case .indicator(let indicator):
            let info = indicators[indicator.indicatorID]
            let title = info.map { " — " + $0.title(locale: locale) } ?? ""
            lines.append(indicator.path.joined(separator: " › ") + title)
            pairs = indicatorPairs(indicator, info: info, ofParent: ofParent, words, locale: locale)
            lines += ScoreText.aligned(pairs, indent: "  ")
        }
        return lines
    }

    private func indicatorPairs(
        _ indicator: IndicatorScore, info: IndicatorInfo?, ofParent: String, _ words: ExplanationWords, locale: String
    ) -> [(String, String)] {
        let id = indicator.indicatorID
        let unit = info?.unit
        var pairs: [(String, String)] = []
        var value = ScoreText.value(indicator.value, unit: unit, locale: locale)
        if indicator.value == nil, let reason = subject.missingValueReasons[id] { value += " (\(reason))" }
        pairs.append((words.valueLabel, value))
        let resolved = subject.targets[id]
        var target = ScoreText.value(indicator.target, unit: unit, locale: locale)
        if indicator.target == nil {
            let reason =
                indicator.function.isPeerFunction
                ? words.peerFunctionNeedsNoTarget : resolved.map { $0.missingReason ?? $0.rule }
            if let reason { target += " (\(reason))" }
        } else if let resolved {
            if let tier = resolved.tier {
                let tiers = QuotaTier.allCases.compactMap { tier in
                    resolved.tiers[tier].map { "\(tier.rawValue) \(ScoreText.value($0, unit: unit, locale: locale))" }
                }
                target +=
                    ", \(words.tier) \(tier.rawValue)" + (tiers.isEmpty ? "" : " (\(tiers.joined(separator: ", ")))")
            }
            target += " — " + resolved.rule
            if !resolved.quotaRows.isEmpty { target += "; \(words.rows) " + resolved.quotaRows.joined(separator: ", ") }
        }
        pairs.append((words.targetLabel, target))
        if let completion = indicator.completion {
            let ratio = completion.ratio.map { ScoreText.percent($0) } ?? words.noRatio
            let met = completion.ratio == nil ? ", " + (completion.isMet ? words.met : words.notMet) : ""
            pairs.append(
                (
                    words.completionLabel,
                    "\(ratio) (\(completion.rule.rawValue), \(ScoreText.direction(indicator.direction, locale: locale))\(met))"
                ))
        } else {
            pairs.append((words.completionLabel, "—"))
        }
        pairs.append(
            (words.functionLabel, indicator.function.explanation + "; \(words.cap) " + ScoreText.weight(indicator.cap)))
        let outcome = indicator.outcome
        if let count = outcome.peerCount {
            var peers = words.peerCount(count)
            if let rank = outcome.peerRank { peers = words.peerRank(rank, count) }
            if let reference = outcome.reference {
                peers += "; \(words.reference) " + ScoreText.value(reference, unit: unit, locale: locale)
            }
            pairs.append((words.peersLabel, peers))
        }
        var score = ScoreText.score(outcome.score)
        if outcome.score == nil, let reason = outcome.missingReason { score += " (\(reason.description))" }
        pairs.append((words.scoreLabel, score))
        if let policy = indicator.appliedPolicy {
            pairs.append((words.policyLabel, ScoreText.policy(policy, locale: locale)))
        }
        pairs.append(
            (
                words.weightLabel,
                words.weightPath(indicator.declaredWeight, indicator.share, ofParent, indicator.totalShare)
            ))
        pairs.append(
            (
                words.contributionLabel,
                contribution(indicator.countedScore, indicator.totalShare, indicator.contribution)
            ))
        if let comparison = subject.comparisons[id] {
            let previous =
                ScoreText.value(comparison.previous, unit: unit, locale: locale)
                + (comparison.changeFromPrevious.map { " (" + signedValue($0, unit: unit, locale: locale) + ")" } ?? "")
            let lastYear =
                ScoreText.value(comparison.lastYear, unit: unit, locale: locale)
                + (comparison.changeFromLastYear.map { " (" + signedValue($0, unit: unit, locale: locale) + ")" } ?? "")
            pairs.append((words.comparedLabel, "\(words.previous) \(previous), \(words.lastYear) \(lastYear)"))
        }
        if let pipeline = subject.pipeline[id] {
            pairs.append(
                (words.pipelineLabel, words.pipelineText(ScoreText.value(pipeline, unit: unit, locale: locale))))
        }
        var command =
            "yardstick explain \(ScoreText.shellWord(id)) --subject \(ScoreText.shellWord(subject.subject.id)) "
            + "--period \(ScoreText.shellWord(period.label))"
        if subject.subject.grain != .user { command += " --per \(subject.subject.grain.rawValue)" }
        pairs.append((words.recordsLabel, command))
        return pairs
    }

    private func contribution(_ score: Double?, _ totalShare: Double, _ contribution: Double?) -> String {
        guard let score else { return "—" }
        return "\(ScoreText.score(score)) × \(ScoreText.percent(totalShare)) = \(ScoreText.score(contribution))"
    }

    private func signedValue(_ change: Double, unit: IndicatorUnit?, locale: String) -> String {
        (change > 0 ? "+" : "") + ScoreText.value(change, unit: unit, locale: locale)
    }
}

/// The words of an explanation in one locale.
private struct ExplanationWords {
    let chinese: Bool

    init(locale: String) { chinese = ScoreText.isChinese(locale) }

    private func pick(_ english: String, _ chinese: String) -> String { self.chinese ? chinese : english }

    var model: String { pick("Model:", "模型：") }
    var version: String { pick("version", "版本") }
    var subject: String { pick("Subject:", "对象：") }
    var team: String { pick("team", "团队") }
    var role: String { pick("role", "角色") }
    var period: String { pick("Period:", "期间：") }
    var window: String { pick("Window:", "统计区间：") }
    var noDaysYet: String { pick("no days yet", "尚无天数") }
    func toDate(_ covered: String, _ asOf: String) -> String {
        pick(
            "\(covered), to date as of \(asOf); targets are the whole period's",
            "\(covered)，截至 \(asOf)；目标为整个期间的目标")
    }
    var total: String { pick("Total:", "总分：") }
    var totalWord: String { pick("total", "总分") }
    func lacking(_ paths: String) -> String { pick("lacking \(paths)", "缺少 \(paths)") }
    var grade: String { pick("Grade:", "等级：") }
    var belowEveryBand: String { pick("none (below every band)", "无（低于所有等级）") }
    var noGradeIncomplete: String { pick("none (the total is not complete)", "无（总分不完整）") }
    var rank: String { pick("Rank:", "排名：") }
    func rankText(_ rank: Int, _ ranked: Int, _ group: String, _ size: Int) -> String {
        pick(
            "\(rank) of \(ranked) ranked in peer group \(group) (\(size) subjects)",
            "第 \(rank) 名，共 \(ranked) 人参与排名，同组 \(group)（\(size) 人）")
    }
    func noRank(_ group: String) -> String {
        pick("none (only complete totals are ranked) in peer group \(group)", "无（只有完整总分参与排名），同组 \(group)")
    }
    var forced: String { pick("Forced grade:", "强制分布等级：") }
    var columns: [String] {
        chinese
            ? ["路径", "值", "目标", "完成率", "得分", "权重", "占总分", "贡献"]
            : ["Path", "Value", "Target", "Completion", "Score", "Weight", "Of total", "Contribution"]
    }
    var totalRow: String { pick("Total", "总分") }
    var subtotal: String { pick("subtotal", "小计") }
    var subtotalLabel: String { pick("Subtotal:", "小计：") }
    var everyChildLeftOut: String { pick("every child was left out", "所有下级均被剔除") }
    var policyLabel: String { pick("Missing:", "缺失处理：") }
    var weightLabel: String { pick("Weight:", "权重：") }
    var ofModel: String { pick("the model", "模型") }
    func ofParent(_ parent: String) -> String { parent }
    func weightPath(_ declared: Double, _ share: Double, _ parent: String, _ totalShare: Double) -> String {
        pick(
            "\(ScoreText.weight(declared)) declared → \(ScoreText.percent(share)) of \(parent) → \(ScoreText.percent(totalShare)) of the total",
            "声明 \(ScoreText.weight(declared)) → 占 \(parent) \(ScoreText.percent(share)) → 占总分 \(ScoreText.percent(totalShare))"
        )
    }
    var contributionLabel: String { pick("Contribution:", "贡献：") }
    var valueLabel: String { pick("Value:", "值：") }
    var targetLabel: String { pick("Target:", "目标：") }
    var tier: String { pick("tier", "档位") }
    var rows: String { pick("rows", "行") }
    var peerFunctionNeedsNoTarget: String { pick("none needed (peer function)", "无需目标（同组比较）") }
    var completionLabel: String { pick("Completion:", "完成率：") }
    var noRatio: String { pick("no ratio", "无比值") }
    var met: String { pick("target met", "已达成") }
    var notMet: String { pick("target not met", "未达成") }
    var functionLabel: String { pick("Function:", "评分函数：") }
    var cap: String { pick("cap", "上限") }
    var peersLabel: String { pick("Peers:", "同组：") }
    func peerCount(_ count: Int) -> String { pick("\(count) with a value", "\(count) 人有值") }
    func peerRank(_ rank: Int, _ count: Int) -> String {
        pick("rank \(rank) of \(count) with a value", "第 \(rank) 名，共 \(count) 人有值")
    }
    var reference: String { pick("reference", "参照") }
    var scoreLabel: String { pick("Score:", "得分：") }
    var comparedLabel: String { pick("Compared:", "对比：") }
    var previous: String { pick("previous", "环比") }
    var lastYear: String { pick("last year", "同比") }
    var pipelineLabel: String { pick("Pipeline:", "在途：") }
    func pipelineText(_ value: String) -> String { pick("\(value) open beside the won value", "已赢单之外在途 \(value)") }
    var recordsLabel: String { pick("Records:", "记录：") }
}
