import YardstickData
import YardstickEngine

extension ModelComparison {
    /// The comparison as a terminal table, in English or Simplified Chinese (`zh-CN`): the two
    /// models, what changed between their definitions, one row per subject both score (ranks,
    /// move, totals, grades and the two indicators whose contributions changed most), the
    /// subjects only one scores, and the summary. Readable at 100 columns.
    ///
    /// - Parameter locale: `en` or `zh-CN`.
    /// - Returns: The text, with a final line break.
    public func table(locale: String = "en") -> String {
        let words = ComparisonWords(chinese: ScoreText.isChinese(locale))
        var lines = [
            words.heading(period.label),
            "  \(words.old) \(old.label) — \(old.file)",
            "  \(words.new) \(new.label) — \(new.file)",
            "",
        ]
        if definitionChanges.isEmpty {
            lines.append(words.noDefinitionChanges)
        } else {
            lines.append(words.definitionChanges)
            for change in definitionChanges {
                let what = (change.indicatorID ?? change.dimension ?? words.modelSetting) + " — " + change.kind.rawValue
                switch change.kind {
                case .added: lines.append("  \(what): \(change.new)")
                case .removed: lines.append("  \(what): \(change.old)")
                default: lines.append("  \(what): \(change.old) → \(change.new)")
                }
            }
        }
        lines.append("")
        var table = TextTable(headers: words.columns, rightAligned: [0, 1, 3, 4])
        var causes: [[String]] = []
        for subject in subjects where subject.old != nil && subject.new != nil {
            table.rows.append([
                "\(rank(subject.old?.rank)) → \(rank(subject.new?.rank))", ScoreText.rankChange(subject.rankChange),
                DisplayWidth.truncated(subject.subject.name, to: 20),
                "\(ScoreText.score(subject.old?.total)) → \(ScoreText.score(subject.new?.total))",
                ScoreText.signed(subject.totalChange), "\(subject.old?.grade ?? "—") → \(subject.new?.grade ?? "—")",
            ])
            causes.append(subject.causes.map { "\($0.indicatorID) \(ScoreText.signed($0.change))" })
        }
        // The causes take what is left of 100 columns (at least 24).
        let used =
            (0..<6).map { column in
                table.rows.map { DisplayWidth.of($0[column]) }.reduce(DisplayWidth.of(words.columns[column]), max)
            }.reduce(0, +) + 6 * 2
        let width = max(24, 100 - used)
        for index in table.rows.indices { table.rows[index].append(Self.fit(causes[index], width: width)) }
        lines.append(table.render())
        lines.append("")
        lines.append(words.onlyInOld + " " + names(onlyInOld))
        lines.append(words.onlyInNew + " " + names(onlyInNew))
        lines.append(words.summary(summary))
        return lines.joined(separator: "\n") + "\n"
    }

    private func rank(_ rank: Int?) -> String { rank.map(String.init) ?? "—" }

    private func names(_ subjects: [SubjectComparison]) -> String {
        subjects.isEmpty ? "—" : subjects.map { "\($0.subject.name) (\($0.subject.id))" }.joined(separator: ", ")
    }

    /// As many causes as fit in `width` display columns, comma-separated (at least the first,
    /// cut to the width), so the table stays within 100 columns; `—` when there are none.
    static func fit(_ causes: [String], width: Int) -> String {
        guard let first = causes.first else { return "—" }
        var text = DisplayWidth.truncated(first, to: width)
        for cause in causes.dropFirst() {
            let longer = text + ", " + cause
            guard DisplayWidth.of(longer) <= width else { break }
            text = longer
        }
        return text
    }

}

/// The words of a comparison table in one locale.
private struct ComparisonWords {
    let chinese: Bool

    private func pick(_ english: String, _ chinese: String) -> String { self.chinese ? chinese : english }

    func heading(_ period: String) -> String { pick("Comparing two models over \(period)", "模型对比：\(period)") }
    var old: String { pick("OLD:", "旧：") }
    var new: String { pick("NEW:", "新：") }
    var noDefinitionChanges: String { pick("The definitions do not differ.", "两个模型定义相同。") }
    var definitionChanges: String { pick("What changed in the definition:", "定义变化：") }
    var modelSetting: String { pick("(model)", "（模型）") }
    var columns: [String] {
        chinese
            ? ["排名", "变化", "对象", "总分", "差值", "等级", "主要原因"]
            : ["Rank", "Move", "Subject", "Total", "Change", "Grade", "Main causes"]
    }
    var onlyInOld: String { pick("Only in OLD:", "仅旧模型：") }
    var onlyInNew: String { pick("Only in NEW:", "仅新模型：") }
    func summary(_ summary: ComparisonSummary) -> String {
        let mean =
            summary.meanAbsoluteRankChange.map {
                ResultValue.number(($0 * 100).rounded() / 100).tableText(unit: .number)
            } ?? "—"
        let rho =
            summary.rankCorrelation.map { ResultValue.number(($0 * 1000).rounded() / 1000).tableText(unit: .number) }
            ?? "—"
        return pick(
            "Summary: \(summary.inBoth) in both, \(summary.rankedInBoth) ranked under both: \(summary.movedUp) moved up, "
                + "\(summary.movedDown) down, \(summary.unchanged) unchanged; \(summary.gradeChanged) changed grade; "
                + "mean |rank change| \(mean); rank correlation of totals (Spearman) \(rho)",
            "汇总：两者共有 \(summary.inBoth) 人，\(summary.rankedInBoth) 人两次均有排名：上升 \(summary.movedUp) 人，"
                + "下降 \(summary.movedDown) 人，不变 \(summary.unchanged) 人；等级变化 \(summary.gradeChanged) 人；"
                + "平均排名变化 \(mean)；总分等级相关（Spearman）\(rho)")
    }
}
