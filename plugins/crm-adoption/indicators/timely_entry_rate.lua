-- Timely entry rate: the share of interactions entered within timely_hours of happening.
local TIMELY_HOURS = param("timely_hours")

return indicator {
  id = "timely_entry_rate",
  title = { en = "Timely entry rate", zh = "及时录入率" },
  description = "Activities with occurred_at in the period and logged_at at most timely_hours after occurred_at (logged before counts as on time) / activities with occurred_at in the period and logged_at filled; missing when none has logged_at.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "activities.occurred_at", "activities.logged_at" },
  value = function(s)
    local entries = s.activities:during("occurred_at"):where{ logged_at = { "not nil" } }
      :per("id", { delay = { "max", hours("occurred_at", "logged_at") } })
    return ratio(entries:where{ delay = { "<=", TIMELY_HOURS } }:count(), entries:count())
  end,
}
