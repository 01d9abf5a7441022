-- Active customers: how many customers bought in the period.
return indicator {
  id = "active_customers",
  title = { en = "Active customers", zh = "活跃客户数" },
  description = "Distinct customers with a purchase in the period.",
  unit = "count",
  better = "higher",
  per = "company",
  needs = { "orders.account", "orders.ordered_at" },
  value = function(s)
    return s.orders:during("ordered_at"):count_distinct("account")
  end,
}
