-- Win rate: won / (won + lost) among the deals closed in the period.
return indicator {
  id = "win_rate",
  title = { en = "Win rate", zh = "赢单率" },
  description = "won_deals / (won_deals + lost_deals), both on closed_at in the period; missing when no deal was closed.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at" },
  value = function(_, k)
    return ratio(k("won_deals"), k("won_deals") + k("lost_deals"))
  end,
}
