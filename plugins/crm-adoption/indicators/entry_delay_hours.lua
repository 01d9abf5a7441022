-- Entry delay: how long after an interaction it is entered in the CRM.
return indicator {
  id = "entry_delay_hours",
  title = { en = "Average entry delay", zh = "平均录入延迟" },
  description = "Mean of logged_at - occurred_at in hours over the activities with occurred_at in the period that were logged at or after they occurred; activities without logged_at, and those logged before they occurred (scheduled ahead), are left out; missing when none is left.",
  unit = "hours",
  better = "lower",
  per = "user",
  needs = { "activities.occurred_at", "activities.logged_at" },
  value = function(s)
    return s.activities:during("occurred_at"):where{ logged_at = { ">=", field("occurred_at") } }
      :avg(hours("occurred_at", "logged_at"))
  end,
}
