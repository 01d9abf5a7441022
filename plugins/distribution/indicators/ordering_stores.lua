-- Ordering stores: the distinct stores that ordered in the period.
local distribution = require "distribution"

return indicator {
  id = "ordering_stores",
  title = { en = "Ordering stores", zh = "下单门店数" },
  description = "Distinct accounts with an order counted by store_orders in the period; 0 when none.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "orders.account", "orders.status", "orders.ordered_at" },
  value = function(s)
    return distribution.orders(s):count_distinct("account")
  end,
}
