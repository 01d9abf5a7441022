-- Stale open deals: open deals nobody worked on in the last stale_days days.
local STALE_DAYS = param("stale_days")

return indicator {
  id = "stale_open_deals",
  title = { en = "Stale open deals", zh = "停滞商机数" },
  description = "The subject's opportunities open at the period's last day F (closed_at empty or after F), created before the window F - (stale_days - 1) .. F (created_at empty or before its first day), with no activity by anyone whose opportunity is the deal and whose occurred_at is in the window; 0 when none.",
  unit = "count",
  better = "lower",
  per = "user",
  needs = { "opportunities.created_at", "opportunities.closed_at", "activities.opportunity", "activities.occurred_at" },
  value = function(s)
    local finish = s.period.finish
    local window_start = finish - (STALE_DAYS - 1)
    local touched = s.all.activities:where{ occurred_at = { "between", window_start, finish } }
      :per("opportunity")
    local old = s.opportunities:where{ created_at = { "<", window_start } }:per("id")
      :union(s.opportunities:where{ created_at = { "is nil" } }:per("id"))
    local open = s.opportunities:where{ closed_at = { "is nil" } }:per("id")
      :union(s.opportunities:where{ closed_at = { ">", finish } }:per("id"))
    return old:intersect(open):minus(touched):count()
  end,
}
