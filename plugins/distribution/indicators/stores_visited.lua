-- Stores visited: the distinct stores visited in the period.
local distribution = require "distribution"

return indicator {
  id = "stores_visited",
  title = { en = "Stores visited", zh = "拜访门店数" },
  description = "Distinct accounts with a store visit (as store_visits counts them) in the period; 0 when none.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = distribution.visit_needs(),
  value = function(s)
    return distribution.visits(s):during("occurred_at"):count_distinct("account")
  end,
}
