-- Employed users: the subject's people who worked at some time in the period.
return indicator {
  id = "employed_users",
  title = { en = "Employed users", zh = "在职人数" },
  description = "Users with hire_date empty or on or before the period's last day and leave_date empty or on or after its first day (1 or 0 for a user); the denominator of the usage rates; 0 when none.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "users.hire_date", "users.leave_date" },
  value = function(s)
    return s.users:per("id")
      :minus(s.users:where{ hire_date = { ">", s.period.finish } }:per("id"))
      :minus(s.users:where{ leave_date = { "<", s.period.start } }:per("id"))
      :count()
  end,
}
