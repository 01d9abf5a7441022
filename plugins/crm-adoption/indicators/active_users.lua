-- Active users: how many of the unit's people used the CRM in the period.
local adoption = require "adoption"

return indicator {
  id = "active_users",
  title = { en = "Active users", zh = "活跃用户数" },
  description = "Users employed in the period (hire_date empty or <= its last day, leave_date empty or >= its first day) who logged at least active_min_activities activities with occurred_at in it; 0 when none.",
  unit = "count",
  better = "higher",
  per = "team",
  needs = { "activities.owner", "activities.occurred_at", "users.hire_date", "users.leave_date" },
  value = function(s)
    return adoption.employed(s):intersect(adoption.active(s)):count()
  end,
}
