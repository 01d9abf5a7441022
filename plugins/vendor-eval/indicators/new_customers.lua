-- New customers: accounts whose first order falls in the period.
return indicator {
  id = "new_customers",
  title = { en = "New customers", zh = "新增客户数" },
  description = "Accounts whose earliest ordered_at among their orders that are not cancelled (all history) falls in the period; 0 when none.",
  unit = "count",
  better = "higher",
  per = "company",
  needs = { "orders.account", "orders.ordered_at", "orders.status" },
  value = function(s)
    return s.orders:where{ status = { "~=", "cancelled" } }
      :per("account", { first = { "min", "ordered_at" } })
      :during("first"):count()
  end,
}
