-- How long ago the customer last bought, at the observation end: RFM's R (lower is better).
return indicator {
  id = "weeks_since_last",
  title = { en = "Weeks since the last purchase", zh = "距最近购买（周）" },
  description = "Weeks from the last purchase day to the period's last day: days / 7, not rounded (T minus recency).",
  unit = "number",
  better = "lower",
  per = "account",
  needs = { "orders.account", "orders.ordered_at" },
  value = function(s)
    return (s.period.finish - s.orders:where{ ordered_at = { "<=", s.period.finish } }:max("ordered_at")) / 7
  end,
}
