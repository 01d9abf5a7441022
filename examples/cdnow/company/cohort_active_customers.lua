-- The cohort table: active customers by first-purchase month (the cohort) and month.
-- A cohort breakdown (issue 10, items 2 and 4): run it per month over a
-- period range, e.g. --period-range 1997-01..1998-06 --per company.
return indicator {
  id = "cohort_active_customers",
  title = { en = "Active customers by cohort", zh = "分群活跃客户数" },
  description = "Distinct customers with a purchase in the period, broken down by the month of each customer's first purchase (months_since = period - cohort).",
  unit = "count",
  better = "higher",
  per = "company",
  needs = { "orders.account", "orders.ordered_at" },
  breakdown = cohort{ key = "account", first = "ordered_at", by = "month" },
  value = function(s)
    return s.orders:during("ordered_at"):count_distinct("account")
  end,
}
