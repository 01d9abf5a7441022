-- Visits per working day: store visits over the period's working days.
local distribution = require "distribution"

return indicator {
  id = "visits_per_working_day",
  title = { en = "Store visits per working day", zh = "日均门店拜访数（按工作日）" },
  description = "store_visits / the period's working days (its days whose weekday is in working_weekdays; public holidays are not known and count as working days); missing when the period has no working day.",
  unit = "ratio",
  better = "higher",
  per = "user",
  needs = distribution.visit_needs(),
  value = function(s, k)
    local working = distribution.working_days(s.period.start, s.period.finish)
    if working == 0 then return missing("the period has no working day (working_weekdays)") end
    return ratio(k("store_visits"), working)
  end,
}
