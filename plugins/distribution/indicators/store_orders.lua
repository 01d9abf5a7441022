-- Store orders: the orders placed in the period.
local distribution = require "distribution"

return indicator {
  id = "store_orders",
  title = { en = "Orders", zh = "订单数" },
  description = "Orders with an ordered_at in the period whose status is not draft or cancelled (an order without a status counts); 0 when none.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "orders.account", "orders.status", "orders.ordered_at" },
  value = function(s)
    return distribution.orders(s):count()
  end,
}
