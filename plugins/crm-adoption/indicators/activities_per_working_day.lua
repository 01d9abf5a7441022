-- Activities per user per working day: the usage rate of the CRM.
local adoption = require "adoption"

-- 1 for a working weekday, 0 otherwise (1 = Monday … 7 = Sunday), fixed when the file loads.
local MON, TUE, WED, THU, FRI, SAT, SUN = adoption.weekday_flags()

return indicator {
  id = "activities_per_working_day",
  title = { en = "Activities per user per working day", zh = "人均每工作日活动数" },
  description = "activities_logged / (working days in the period x employed_users); working days are the days whose weekday is in working_weekdays; missing when nobody was employed or no day is a working day.",
  unit = "ratio",
  better = "higher",
  per = "user",
  needs = { "activities.occurred_at", "users.hire_date", "users.leave_date" },
  value = function(s, k)
    -- Weekday w occurs (days - (w - first) % 7 + 6) // 7 times in a period of `days` days whose
    -- first day has weekday `first` (counted from Monday 2024-01-01: arithmetic on the period's
    -- dates keeps the function in column mode, where a date's fields cannot be read).
    local days = s.period.days
    local first = (s.period.start - date(2024, 1, 1)) % 7 + 1
    local working = MON * ((days - (1 - first) % 7 + 6) // 7) + TUE * ((days - (2 - first) % 7 + 6) // 7)
      + WED * ((days - (3 - first) % 7 + 6) // 7) + THU * ((days - (4 - first) % 7 + 6) // 7)
      + FRI * ((days - (5 - first) % 7 + 6) // 7) + SAT * ((days - (6 - first) % 7 + 6) // 7)
      + SUN * ((days - (7 - first) % 7 + 6) // 7)
    return ratio(k("activities_logged"), working * k("employed_users"))
  end,
}
