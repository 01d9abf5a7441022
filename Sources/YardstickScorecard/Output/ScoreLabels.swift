import YardstickEngine

/// The words of the leaderboard in English or Simplified Chinese.
struct ScoreLabels {
    /// Whether the text is Chinese.
    let chinese: Bool

    /// Labels for `locale` (any locale starting with `zh` reads as Chinese).
    init(locale: String) {
        chinese = locale.lowercased().hasPrefix("zh")
    }

    private func text(_ english: String, _ chinese: String) -> String {
        self.chinese ? chinese : english
    }

    var rank: String { text("Rank", "排名") }
    func subject(_ grain: Grain) -> String {
        grain == .user ? text("Name", "姓名") : text("Name", "名称")
    }
    var total: String { text("Total", "总分") }
    var grade: String { text("Grade", "等级") }
    var distributedGrade: String { text("Forced", "强制等级") }
    var members: String { text("Members", "人数") }
    var mean: String { text("Mean", "均值") }
    var median: String { text("Median", "中位数") }
    var minimum: String { text("Min", "最低") }
    var maximum: String { text("Max", "最高") }
    var noPeriods: String { text("No periods scored.", "没有考核期。") }
    var noSubjects: String { text("No subjects to score.", "没有考核对象。") }

    /// `to date 2017-10-20` / `截至 2017-10-20`.
    func toDate(_ date: String) -> String { text("to date \(date)", "截至 \(date)") }
    /// `not started (as of 2017-09-30)` / `尚未开始（截至 2017-09-30）`.
    func notStarted(_ date: String) -> String { text("not started (as of \(date))", "尚未开始（截至 \(date)）") }
    /// `Peer group: role = sales` / `对比组：role = sales`.
    func peerGroup(_ group: String) -> String { text("Peer group: \(group)", "对比组：\(group)") }
    /// `team rollup` / `团队汇总`.
    func rollup(_ grain: Grain) -> String {
        chinese ? grain.name(locale: "zh-CN") + "汇总" : grain.rawValue + " rollup"
    }
    /// The footnote on `*` after an incomplete total.
    var incompleteNote: String {
        text(
            "* incomplete: an indicator marked `incomplete` has no score; the total is what is there, not graded or ranked.",
            "* 不完整：标记为 incomplete 的指标没有得分；总分仅为已有部分之和，不评等级、不排名。")
    }
    /// The footnote on ties.
    var tieNote: String {
        text(
            "Equal totals share a rank; the next rank counts everyone ahead (1, 2, 2, 4).",
            "总分相同者名次并列，其后名次按前面的人数计算（1、2、2、4）。")
    }
    /// The footnote on a total that could not be computed.
    var noScoresNote: String {
        text("— no total: every indicator was left out.", "— 无总分：所有指标均被排除。")
    }
    /// The footnote naming the columns left out to fit the width.
    func droppedColumns(_ names: [String], width: Int) -> String {
        text(
            "Left out to fit \(width) columns: \(names.joined(separator: ", ")) (every figure: --format csv or json).",
            "为适应 \(width) 列宽省略了：\(names.joined(separator: "、"))（全部数据见 --format csv 或 json）。")
    }
    /// The footnote on a rollup table.
    var rollupNote: String {
        text(
            "Completion: the unit's own value against its own target. Mean … Max: members' complete totals.",
            "完成率：本单位自身数值对比自身目标。均值至最高：成员完整总分的分布。")
    }
    /// `Alerts (3)` / `提醒（3）`.
    func alerts(_ count: Int) -> String { text("Alerts (\(count))", "提醒（\(count)）") }
    /// `Errors (2)` / `错误（2）`.
    func errors(_ count: Int) -> String { text("Errors (\(count))", "错误（\(count)）") }

    /// `12 more alerts: yardstick alerts lists them all.`
    func moreAlerts(_ count: Int) -> String {
        text("\(count) more: `yardstick alerts` lists them all.", "另有 \(count) 条：`yardstick alerts` 列出全部。")
    }
    /// `met` / `达成`: a target met with no completion ratio (a zero denominator).
    var met: String { text("met", "达成") }

    /// One alert as a line: who, which indicator, where they stand, what the rest needs.
    ///
    /// - Parameters:
    ///   - alert: The alert.
    ///   - title: The indicator's title in the locale.
    ///   - format: Writes a value in the indicator's unit.
    func line(of alert: Alert, title: String, format: (Double) -> String) -> String {
        let who = alert.subjectName + " · " + title + (chinese ? "：" : ": ")
        let completion = ScoreNumberText.percent(alert.completion)
        let standing =
            chinese
            ? "\(format(alert.value)) / \(format(alert.target))（\(completion)）"
            : "\(format(alert.value)) of \(format(alert.target)) (\(completion))"
        var needs = ""
        if alert.remaining > 0 {
            if let perDay = alert.neededPerDay, alert.remainingDays > 0 {
                needs =
                    chinese
                    ? "；剩余 \(alert.remainingDays) 天，每天需 \(format(perDay))"
                    : "; needs \(format(perDay)) a day for \(alert.remainingDays) days"
            } else {
                needs = chinese ? "；仍差 \(format(alert.remaining))" : "; \(format(alert.remaining)) short"
            }
        }
        switch alert.kind {
        case .milestone:
            let mark = ScoreNumberText.percent(alert.mark ?? alert.completion)
            return who + (chinese ? "已达 \(mark) — " : "reached \(mark) — ") + standing
        case .behindPace:
            let expected = ScoreNumberText.percent(alert.expectedCompletion)
            return who
                + (chinese ? "落后进度（应达 \(expected)）— " : "behind pace (\(expected) expected) — ") + standing + needs
        case .periodEnd:
            return who + (chinese ? "临近期末 — " : "period ends soon — ") + standing + needs
        }
    }
}
