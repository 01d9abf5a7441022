-- Visits per day: customer visits logged in the period per working (or calendar) day.
local sales = require "sales"

local basis = param("visit_day_basis")
if basis ~= "weekdays" and basis ~= "calendar" then
  error("visit_day_basis must be \"weekdays\" or \"calendar\", found \"" .. basis .. "\"")
end

return indicator {
  id = "visits_per_day",
  title = { en = "Visits per day", zh = "日均拜访量" },
  description = "Activities with type = visit_type (default visit) and occurred_at in the period / the period's days: Monday to Friday (visit_day_basis = weekdays, the default; no holidays) or every day (calendar); for a team or the company, all its visits over the same days; missing when the period has no such day.",
  unit = "number",
  better = "higher",
  per = "user",
  needs = { "activities.type", "activities.occurred_at" },
  value = function(s)
    local visits = s.activities:during("occurred_at"):where{ type = param("visit_type") }:count()
    local days = basis == "calendar" and s.period.days or sales.weekdays(s.period)
    return ratio(visits, days)
  end,
}
