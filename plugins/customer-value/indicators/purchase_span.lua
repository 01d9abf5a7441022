-- Recency as lifetimes defines it: the customer's age at their last purchase, in time units.
local history = require "history"
local unit = history.unit_days()

return indicator {
  id = "purchase_span",
  title = { en = "Recency (lifetimes: first to last purchase)", zh = "首购至末次购买时长（lifetimes recency）" },
  description = "(last - first ordered_at day on or before the period's last day) / time_unit_days, not rounded (lifetimes' recency; 0 for an account that bought on one day only); missing for an account with no order by then.",
  unit = "number",
  better = "higher",
  per = "account",
  needs = { "orders.account", "orders.ordered_at" },
  -- The view is written out (not history.orders_to_date): a straight-line function runs in column mode.
  value = function(s)
    local bought = s.orders:where{ ordered_at = { "<=", s.period.finish } }
    return (bought:max("ordered_at") - bought:min("ordered_at")) / unit
  end,
}
