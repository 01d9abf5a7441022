import YardstickEngine

/// The words of the HTML score report in English or Simplified Chinese.
struct ScoreHTMLLabels {
    /// Whether the text is Chinese.
    let chinese: Bool

    /// Labels for `locale` (any locale starting with `zh` reads as Chinese).
    init(locale: String) {
        chinese = locale.lowercased().hasPrefix("zh")
    }

    private func text(_ english: String, _ chinese: String) -> String {
        self.chinese ? chinese : english
    }

    var workspace: String { text("Workspace", "工作区") }
    var model: String { text("Model", "模型") }
    var version: String { text("version", "版本") }
    var period: String { text("Period", "考核期") }
    var window: String { text("Values cover", "数据区间") }
    var asOf: String { text("As of", "截至") }
    var generated: String { text("Generated", "生成于") }
    var leaderboard: String { text("Leaderboard", "排行榜") }
    var cards: String { text("Scorecards", "个人考核卡") }
    var rollups: String { text("Rollups", "汇总") }
    var alerts: String { text("Alerts", "提醒") }
    var errors: String { text("Errors", "错误") }
    var rank: String { text("Rank", "排名") }
    var name: String { text("Name", "姓名") }
    var unitName: String { text("Name", "名称") }
    var team: String { text("Team", "团队") }
    var role: String { text("Role", "角色") }
    var total: String { text("Total", "总分") }
    var grade: String { text("Grade", "等级") }
    var forced: String { text("Forced", "强制等级") }
    var indicator: String { text("Indicator", "指标") }
    var value: String { text("Value", "实际值") }
    var target: String { text("Target", "目标") }
    var completion: String { text("Completion", "完成率") }
    var score: String { text("Score", "得分") }
    var weight: String { text("Weight", "权重") }
    var contribution: String { text("Contribution", "贡献") }
    var members: String { text("Members", "人数") }
    var mean: String { text("Mean", "均值") }
    var median: String { text("Median", "中位数") }
    var minimum: String { text("Min", "最低") }
    var maximum: String { text("Max", "最高") }
    var peerGroupTitle: String { text("Peer group", "对比组") }
    var incomplete: String { text("incomplete", "不完整") }
    var noTotal: String { text("no total", "无总分") }
    var noPeriods: String { text("No periods scored.", "没有考核期。") }
    var noSubjects: String { text("No subjects to score.", "没有考核对象。") }
    var noAlerts: String { text("No alerts.", "没有提醒。") }
    var expandAll: String { text("Open all explanations", "展开全部说明") }
    var collapseAll: String { text("Close all explanations", "收起全部说明") }
    var met: String { text("met", "达成") }

    // The explanation of a score.
    var function: String { text("Scoring function", "计分函数") }
    var parameters: String { text("Parameters", "参数") }
    var direction: String { text("Direction", "方向") }
    var higherIsBetter: String { text("higher is better", "越高越好") }
    var lowerIsBetter: String { text("lower is better", "越低越好") }
    var targetRule: String { text("Target rule", "目标规则") }
    var tier: String { text("Tier", "档位") }
    var quotaRows: String { text("Quota rows", "配额行") }
    var completionRule: String { text("Completion rule", "完成率算法") }
    var policy: String { text("Missing-value policy", "缺失值策略") }
    var policyApplied: String { text("Policy applied", "已应用策略") }
    var status: String { text("Status", "状态") }
    var missingReason: String { text("Why missing", "缺失原因") }
    var share: String { text("Share of total", "占总分比重") }
    var peers: String { text("Peers", "对比") }
    var previous: String { text("Previous period (MoM)", "环比（上期）") }
    var lastYear: String { text("Same period last year (YoY)", "同比（去年同期）") }
    var pipeline: String { text("Open pipeline", "在途商机") }
    var source: String { text("Defined in", "定义于") }
    var cap: String { text("Cap", "上限") }

    /// `Dimension scores (0–120)`.
    func chartCaption(cap: String, peers: Bool) -> String {
        text("Scores by dimension (0–\(cap))", "各维度得分（0–\(cap)）")
            + (peers ? text("; dashed: peer group mean", "；虚线：对比组均值") : "")
    }
    /// `Total by period`.
    var trendCaption: String { text("Total by period", "各期总分") }
    /// `rank 2 of 5`.
    func rank(_ rank: Int, of count: Int) -> String {
        text("rank \(rank) of \(count)", "第 \(rank) 名 / 共 \(count) 人")
    }
    /// The reference value and place among peers of a peer-relative score.
    func peerText(reference: String?, rank: Int?, count: Int?) -> String {
        var parts: [String] = []
        if let reference { parts.append(text("reference \(reference)", "参照值 \(reference)")) }
        if let rank, let count {
            parts.append(text("place \(rank) of \(count)", "第 \(rank) / \(count) 位"))
        } else if let count {
            parts.append(text("\(count) peers", "\(count) 人"))
        }
        return parts.joined(separator: "; ")
    }
    /// `team rollup`.
    func rollup(_ grain: Grain) -> String {
        chinese
            ? grain.name(locale: "zh-CN") + "汇总"
            : grain.rawValue.prefix(1).uppercased() + grain.rawValue.dropFirst()
                + " rollup"
    }
    /// The note on an incomplete total.
    var incompleteNote: String {
        text(
            "Incomplete: an indicator under the `incomplete` policy has no score; the total is what is there, not graded or ranked.",
            "不完整：采用 incomplete 策略的指标没有得分；总分仅为已有部分之和，不评等级、不排名。")
    }
    /// The note under a rollup table.
    var rollupNote: String {
        text(
            "Per indicator: the unit's own completion (its own value against its own target). Mean … Max: members' complete totals.",
            "各指标：本单位自身数值对比自身目标的完成率。均值至最高：成员完整总分的分布。")
    }
    /// The note on ties.
    var tieNote: String {
        text(
            "Equal totals share a rank; the next rank counts everyone ahead (1, 2, 2, 4).",
            "总分相同者名次并列，其后名次按前面的人数计算（1、2、2、4）。")
    }
    /// The footer.
    var footer: String {
        text(
            "Made by yardstick score. Every figure is in the CSV and JSON outputs at full precision; `yardstick explain --model` shows the records behind a score.",
            "由 yardstick score 生成。全部数值（完整精度）见 CSV 与 JSON 输出；`yardstick explain --model` 可查看得分背后的记录。")
    }
}
