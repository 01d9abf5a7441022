-- Monetary value as lifetimes defines it: the mean spend of a repeat purchase day.
local history = require "history"

return indicator {
  id = "repeat_value",
  title = { en = "Mean repeat purchase value (lifetimes monetary_value)", zh = "复购日均消费额（lifetimes monetary_value）" },
  description = "Mean over the purchase days after the first (up to the period's last day) of the day's total amount; 0 for an account that bought on one day only, as lifetimes does; missing for an account with no order by then.",
  unit = "money",
  better = "higher",
  per = "account",
  needs = { "orders.account", "orders.ordered_at", "orders.amount" },
  value = function(s)
    local bought = history.orders_to_date(s)
    local first = bought:min("ordered_at")
    if is_missing(first) then return missing("no order by the period's end") end
    local repeats = bought:where{ ordered_at = { ">", first } }
    local days = repeats:count_distinct("ordered_at")
    if days == 0 then return 0 end
    return repeats:sum("amount") / days
  end,
}
