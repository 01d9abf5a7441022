-- Recency: days from the customer's last order to the period's last day.
local history = require "history"

return indicator {
  id = "recency_days",
  title = { en = "Recency (days since the last order)", zh = "最近购买距今天数" },
  description = "finish - the latest ordered_at on or before finish, in days (0 when the last order is on the period's last day); missing when the account has no order by then.",
  unit = "days",
  better = "lower",
  per = "account",
  needs = { "orders.account", "orders.ordered_at" },
  value = function(s)
    local last = history.orders_to_date(s):max("ordered_at")
    if is_missing(last) then return missing("no order by the period's end") end
    return s.period.finish - last
  end,
}
