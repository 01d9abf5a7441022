-- T, as lifetimes defines it: the customer's age at the observation end, in weeks.
return indicator {
  id = "T",
  title = { en = "T (weeks since the first purchase)", zh = "首购至观察期末（周）" },
  description = "Weeks from the first purchase to the period's last day (the observation end): days / 7, not rounded (lifetimes' T).",
  unit = "number",
  better = "higher",
  per = "account",
  needs = { "orders.account", "orders.ordered_at" },
  value = function(s)
    return (s.period.finish - s.orders:where{ ordered_at = { "<=", s.period.finish } }:min("ordered_at")) / 7
  end,
}
