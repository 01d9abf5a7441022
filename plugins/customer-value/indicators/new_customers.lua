-- New customers: customers whose first order ever falls in the period.
return indicator {
  id = "new_customers",
  title = { en = "New customers", zh = "新客户数" },
  description = "Accounts whose earliest ordered_at over all history falls in the period.",
  unit = "count",
  better = "higher",
  per = "company",
  needs = { "orders.account", "orders.ordered_at" },
  value = function(s)
    return s.orders:per("account", { first = { "min", "ordered_at" } }):during("first"):count()
  end,
}
