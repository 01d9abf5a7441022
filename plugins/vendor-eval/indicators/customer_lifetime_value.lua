-- Customer lifetime value (historical): what a customer has bought on average, to date.
return indicator {
  id = "customer_lifetime_value",
  title = { en = "Customer lifetime value (historical)", zh = "客户终身价值（历史）" },
  description = "Sum of amount over the orders (not cancelled) with ordered_at on or before the period's last day / accounts with such an order: the average a customer has bought from the company's first order to the period's end; missing when there is none.",
  unit = "money",
  better = "higher",
  per = "company",
  needs = { "orders.account", "orders.amount", "orders.ordered_at", "orders.status" },
  value = function(s)
    local to_date = s.orders:where{
      ordered_at = { "<=", s.period.finish }, status = { "~=", "cancelled" },
    }
    return ratio(to_date:sum("amount"), to_date:count_distinct("account"))
  end,
}
