-- Activities per user per working day: the usage rate of the CRM.
local adoption = require "adoption"

return indicator {
  id = "activities_per_working_day",
  title = { en = "Activities per user per working day", zh = "人均每工作日活动数" },
  description = "activities_logged / (working days in the period x employed_users); working days are the days whose weekday is in working_weekdays; missing when nobody was employed or no day is a working day.",
  unit = "ratio",
  better = "higher",
  per = "user",
  needs = { "activities.occurred_at", "users.hire_date", "users.leave_date" },
  value = function(s, k)
    return ratio(k("activities_logged"), adoption.working_days(s) * k("employed_users"))
  end,
}
