return indicator {
  id = "revenue",
  title = { en = "Revenue", zh = "赢单金额" },
  description = "Sum of amount over opportunities won with closed_at in the period; 0 when none.",
  unit = "money",
  better = "higher",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at", "opportunities.amount" },
  value = function(s, k)
    return s.opportunities:where{ stage = "won" }:during("closed_at"):sum("amount")
  end,
}
