-- Active user rate: the share of the unit's employed people who used the CRM in the period.
local adoption = require "adoption"

return indicator {
  id = "active_user_rate",
  title = { en = "Active user rate", zh = "活跃用户占比" },
  description = "active_users / users employed in the period (hire_date empty or <= its last day, leave_date empty or >= its first day); missing when nobody was employed.",
  unit = "percent",
  better = "higher",
  per = "team",
  needs = { "activities.owner", "activities.occurred_at", "users.hire_date", "users.leave_date" },
  value = function(s, k)
    return ratio(k("active_users"), adoption.employed(s):count())
  end,
}
