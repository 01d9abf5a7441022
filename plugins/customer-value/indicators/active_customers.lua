-- Active customers: customers with an order in the last active_days days of the period.
return indicator {
  id = "active_customers",
  title = { en = "Active customers", zh = "活跃客户数" },
  description = "Distinct accounts with an order whose ordered_at is within active_days days up to the period's last day: from finish - (active_days - 1) to finish, both included.",
  unit = "count",
  better = "higher",
  per = "company",
  needs = { "orders.account", "orders.ordered_at" },
  value = function(s)
    local finish = s.period.finish
    local first = finish - (param("active_days") - 1)
    return s.orders:where{ ordered_at = { "between", first, finish } }:count_distinct("account")
  end,
}
