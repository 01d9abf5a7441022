-- Frequency: on how many days the customer ordered, up to the period's last day.
local history = require "history"

return indicator {
  id = "frequency",
  title = { en = "Frequency (order days)", zh = "购买频次（天数）" },
  description = "Distinct ordered_at days on or before the period's last day (several orders on one day count once); 0 for an account with no order.",
  unit = "count",
  better = "higher",
  per = "account",
  needs = { "orders.account", "orders.ordered_at" },
  value = function(s)
    return history.orders_to_date(s):count_distinct("ordered_at")
  end,
}
