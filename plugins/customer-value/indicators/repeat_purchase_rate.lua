-- Repeat purchase rate: the share of the period's customers who ordered on two days or more.
return indicator {
  id = "repeat_purchase_rate",
  title = { en = "Repeat purchase rate", zh = "复购率" },
  description = "Accounts with orders on two or more distinct days in the period / accounts with an order in the period (several orders on one day are one purchase); missing when nobody ordered.",
  unit = "percent",
  better = "higher",
  per = "company",
  needs = { "orders.account", "orders.ordered_at" },
  value = function(s)
    local buyers = s.orders:during("ordered_at"):per("account", { days = { "count_distinct", "ordered_at" } })
    return ratio(buyers:where{ days = { ">=", 2 } }:count(), buyers:count())
  end,
}
