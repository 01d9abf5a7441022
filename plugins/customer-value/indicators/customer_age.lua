-- T as lifetimes defines it: the customer's age at the observation end, in time units.
local history = require "history"
local unit = history.unit_days()

return indicator {
  id = "customer_age",
  title = { en = "Customer age (lifetimes T)", zh = "客户存续时长（lifetimes T）" },
  description = "(the period's last day - the first ordered_at day) / time_unit_days, not rounded (lifetimes' T); missing for an account with no order by then.",
  unit = "number",
  better = "higher",
  per = "account",
  needs = { "orders.account", "orders.ordered_at" },
  -- The view is written out (not history.orders_to_date): a straight-line function runs in column mode.
  value = function(s)
    return (s.period.finish - s.orders:where{ ordered_at = { "<=", s.period.finish } }:min("ordered_at")) / unit
  end,
}
