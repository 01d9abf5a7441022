-- Order frequency: orders per ordering store in the period.
return indicator {
  id = "order_frequency",
  title = { en = "Order frequency per store", zh = "门店订货频次" },
  description = "store_orders / ordering_stores: the mean number of orders of the stores that ordered in the period (orders without an account count in the numerator); missing when no store ordered.",
  unit = "ratio",
  better = "higher",
  per = "user",
  needs = { "orders.account", "orders.status", "orders.ordered_at" },
  value = function(_, k)
    if k("ordering_stores") == 0 then return missing("no store ordered in the period") end
    return ratio(k("store_orders"), k("ordering_stores"))
  end,
}
