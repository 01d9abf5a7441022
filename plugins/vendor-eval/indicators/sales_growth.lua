-- Sales growth: the change of sales against the period just before.
return indicator {
  id = "sales_growth",
  title = { en = "Sales growth", zh = "销售增长率" },
  description = "(sales - sales of the previous period) / sales of the previous period (the period just before, of the same kind: month on month, quarter on quarter); missing when the previous period sold nothing.",
  unit = "percent",
  better = "higher",
  per = "company",
  needs = { "orders.amount", "orders.ordered_at", "orders.status" },
  value = function(s, k)
    local before = s.previous.orders:during("ordered_at"):where{ status = { "~=", "cancelled" } }
      :sum("amount")
    return ratio(k("sales") - before, before)
  end,
}
