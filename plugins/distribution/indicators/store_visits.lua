-- Store visits: the visits made in the period.
local distribution = require "distribution"

return indicator {
  id = "store_visits",
  title = { en = "Store visits", zh = "门店拜访次数" },
  description = "Activities of type visit_type with an account (the store) whose occurred_at falls in the period, at least min_visit_minutes long when that parameter is above 0; 0 when none.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = distribution.visit_needs(),
  value = function(s)
    return distribution.visits(s):during("occurred_at"):count()
  end,
}
