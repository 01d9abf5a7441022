-- Repeat purchases, as lifetimes counts them (its `frequency`): purchase days after the first.
local history = require "history"

return indicator {
  id = "repeat_purchases",
  title = { en = "Repeat purchases (lifetimes frequency)", zh = "复购次数（lifetimes frequency）" },
  description = "Distinct ordered_at days on or before the period's last day, minus one (the first purchase); several orders on one day are one purchase (lifetimes' frequency); missing for an account with no order by then.",
  unit = "count",
  better = "higher",
  per = "account",
  needs = { "orders.account", "orders.ordered_at" },
  value = function(s)
    local bought = history.orders_to_date(s)
    local days = bought:count_distinct("ordered_at")
    if days == 0 then return missing("no order by the period's end") end
    return days - 1
  end,
}
