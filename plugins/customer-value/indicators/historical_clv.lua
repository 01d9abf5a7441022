-- Historical CLV: the margin the customer has brought so far.
local margin = param("clv_margin")

return indicator {
  id = "historical_clv",
  title = { en = "Historical CLV", zh = "历史客户终身价值" },
  description = "clv_margin x the sum of amount over the account's orders with ordered_at on or before the period's last day (clv_margin = 1: revenue); 0 for an account with no order; at a coarser grain, the sum over its accounts.",
  unit = "money",
  better = "higher",
  per = "account",
  needs = { "orders.account", "orders.ordered_at", "orders.amount" },
  -- The view is written out (not history.orders_to_date): a straight-line function runs in column mode.
  value = function(s)
    return s.orders:where{ ordered_at = { "<=", s.period.finish } }:sum("amount") * margin
  end,
}
