-- Accounts won: how many different customers bought in the period.
return indicator {
  id = "accounts_won",
  title = { en = "Accounts won", zh = "成交客户数" },
  description = "Number of distinct accounts among the deals won with closed_at in the period (deals without an account are not counted).",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at", "opportunities.account" },
  value = function(s, k)
    return s.opportunities:where{ stage = "won" }:during("closed_at"):count_distinct("account")
  end,
}
