-- Sales: the value of the orders taken in the period.
return indicator {
  id = "sales",
  title = { en = "Sales", zh = "销售额" },
  description = "Sum of amount over the orders with ordered_at in the period, cancelled ones left out (an empty status counts); 0 when none.",
  unit = "money",
  better = "higher",
  per = "company",
  needs = { "orders.amount", "orders.ordered_at", "orders.status" },
  value = function(s)
    return s.orders:during("ordered_at"):where{ status = { "~=", "cancelled" } }:sum("amount")
  end,
}
