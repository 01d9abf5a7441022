-- Loss rate: lost / (won + lost) among the deals closed in the period.
return indicator {
  id = "loss_rate",
  title = { en = "Loss rate", zh = "丢单率" },
  description = "lost_deals / (won_deals + lost_deals), both on closed_at in the period (1 - win_rate); missing when no deal was closed.",
  unit = "percent",
  better = "lower",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at" },
  value = function(_, k)
    return ratio(k("lost_deals"), k("won_deals") + k("lost_deals"))
  end,
}
