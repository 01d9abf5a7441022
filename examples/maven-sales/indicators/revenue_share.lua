-- Revenue share: the subject's part of the company's won revenue (peer comparison).
return indicator {
  id = "revenue_share",
  title = { en = "Share of company revenue", zh = "赢单金额占比" },
  description = "Won revenue of the subject divided by the won revenue of the whole company, both over deals won with closed_at in the period. 1 for the company itself; missing when the company won nothing.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at", "opportunities.amount" },
  value = function(s, k)
    local own = s.opportunities:where{ stage = "won" }:during("closed_at"):sum("amount")
    local company = s.all.opportunities:where{ stage = "won" }:during("closed_at"):sum("amount")
    return ratio(own, company)
  end,
}
