return indicator {
  id = "win_rate",
  title = { en = "Win rate", zh = "赢单率" },
  description = "Won / (won + lost) over opportunities closed in the period; missing when none closed.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at" },
  value = function(s, k)
    local closed = s.opportunities:during("closed_at")
    return ratio(closed:where{ stage = "won" }:count(),
      closed:where{ stage = { "in", { "won", "lost" } } }:count())
  end,
}
