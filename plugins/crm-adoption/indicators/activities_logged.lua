-- Activities logged: how many customer interactions the subject recorded in the period.
return indicator {
  id = "activities_logged",
  title = { en = "Activities logged", zh = "活动记录数" },
  description = "Activities (calls, visits, e-mails, meetings, other) with occurred_at in the period; 0 when none.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "activities.owner", "activities.occurred_at" },
  value = function(s)
    return s.activities:during("occurred_at"):count()
  end,
}
