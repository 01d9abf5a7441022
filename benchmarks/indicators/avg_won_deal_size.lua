return indicator {
  id = "avg_won_deal_size",
  title = { en = "Average won deal", zh = "平均赢单金额" },
  description = "Mean amount of the opportunities won with closed_at in the period; missing when none.",
  unit = "money",
  better = "higher",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at", "opportunities.amount" },
  value = function(s, k)
    return s.opportunities:where{ stage = "won" }:during("closed_at"):avg("amount")
  end,
}
