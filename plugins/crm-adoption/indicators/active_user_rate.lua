-- Active user rate: the share of the unit's employed people who used the CRM in the period.
return indicator {
  id = "active_user_rate",
  title = { en = "Active user rate", zh = "活跃用户占比" },
  description = "active_users / employed_users; missing when nobody was employed in the period.",
  unit = "percent",
  better = "higher",
  per = "team",
  needs = { "activities.owner", "activities.occurred_at", "users.hire_date", "users.leave_date" },
  value = function(_, k)
    return ratio(k("active_users"), k("employed_users"))
  end,
}
