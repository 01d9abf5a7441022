-- Repeat-purchase rate: the share of the period's customers who bought on two days or more.
return indicator {
  id = "repeat_purchase_rate",
  title = { en = "Repeat-purchase rate", zh = "复购率" },
  description = "Customers with purchases on two or more distinct days in the period / customers with a purchase in the period.",
  unit = "percent",
  better = "higher",
  per = "company",
  needs = { "orders.account", "orders.ordered_at" },
  value = function(s)
    local active = s.orders:during("ordered_at"):per("account", { days = { "count_distinct", "ordered_at" } })
    return ratio(active:where{ days = { ">=", 2 } }:count(), active:count())
  end,
}
