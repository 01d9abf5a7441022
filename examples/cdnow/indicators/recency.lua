-- Recency, as lifetimes defines it: the customer's age when they last bought, in weeks.
return indicator {
  id = "recency",
  title = { en = "Recency (weeks)", zh = "最近购买距首购（周）" },
  description = "Weeks from the first to the last purchase day up to the period's last day: days / 7, not rounded (lifetimes' recency; 0 for a customer who bought on one day only).",
  unit = "number",
  better = "higher",
  per = "account",
  needs = { "orders.account", "orders.ordered_at" },
  value = function(s)
    local bought = s.orders:where{ ordered_at = { "<=", s.period.finish } }
    return (bought:max("ordered_at") - bought:min("ordered_at")) / 7
  end,
}
