-- Win rate: won / (won + lost) among the deals closed in the period.
return indicator {
  id = "win_rate",
  title = { en = "Win rate", zh = "赢单率" },
  description = "Deals won divided by deals closed (won + lost), both counted on closed_at in the period. Missing when no deal was closed.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at" },
  value = function(s, k)
    local closed = s.opportunities:during("closed_at")
    local won = closed:where{ stage = "won" }:count()
    local decided = closed:where{ stage = { "in", { "won", "lost" } } }:count()
    return ratio(won, decided)
  end,
}
