-- Stale open deals: open deals nobody worked on in the last stale_days days.
local adoption = require "adoption"

return indicator {
  id = "stale_open_deals",
  title = { en = "Stale open deals", zh = "停滞商机数" },
  description = "The subject's opportunities open at the period's last day (closed_at empty or after it), created before the stale window (created_at empty or more than stale_days - 1 days before the last day), with no activity by anyone whose opportunity is the deal and whose occurred_at is in the stale_days days up to the last day; 0 when none.",
  unit = "count",
  better = "lower",
  per = "user",
  needs = { "opportunities.created_at", "opportunities.closed_at", "activities.opportunity", "activities.occurred_at" },
  value = function(s)
    local deals = s.opportunities
    return adoption.untouched(s, deals:where{ closed_at = { "is nil" } }, "opportunity")
      :union(adoption.untouched(s, deals:where{ closed_at = { ">", s.period.finish } }, "opportunity"))
      :count()
  end,
}
