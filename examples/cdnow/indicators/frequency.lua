-- Frequency, as lifetimes defines it: the customer's repeat purchase days up to the end of
-- the period (the observation end). Several rows on one day are one purchase.
return indicator {
  id = "frequency",
  title = { en = "Frequency (repeat purchase days)", zh = "复购天数" },
  description = "Distinct days with a purchase up to the period's last day, minus one (the first purchase); several purchases on one day count once (lifetimes' frequency).",
  unit = "count",
  better = "higher",
  per = "account",
  needs = { "orders.account", "orders.ordered_at" },
  value = function(s)
    return s.orders:where{ ordered_at = { "<=", s.period.finish } }:count_distinct("ordered_at") - 1
  end,
}
