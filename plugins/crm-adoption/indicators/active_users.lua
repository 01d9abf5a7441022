-- Active users: how many of the unit's people used the CRM in the period.
local MIN_ACTIVITIES = param("active_min_activities")

return indicator {
  id = "active_users",
  title = { en = "Active users", zh = "活跃用户数" },
  description = "Users employed in the period (as employed_users) who logged at least active_min_activities activities with occurred_at in it; 0 when none.",
  unit = "count",
  better = "higher",
  per = "team",
  needs = { "activities.owner", "activities.occurred_at", "users.hire_date", "users.leave_date" },
  value = function(s)
    local employed = s.users:per("id")
      :minus(s.users:where{ hire_date = { ">", s.period.finish } }:per("id"))
      :minus(s.users:where{ leave_date = { "<", s.period.start } }:per("id"))
    local active = s.activities:during("occurred_at"):per("owner", { logged = "count" })
      :where{ logged = { ">=", MIN_ACTIVITIES } }
    return employed:intersect(active):count()
  end,
}
