-- Stale accounts: accounts nobody contacted in the last stale_days days.
local STALE_DAYS = param("stale_days")

return indicator {
  id = "stale_accounts",
  title = { en = "Stale accounts", zh = "沉睡客户数" },
  description = "The subject's accounts created before the window F - (stale_days - 1) .. F, F the period's last day (created_at empty or before its first day), with no activity by anyone whose account is the account and whose occurred_at is in the window; 0 when none.",
  unit = "count",
  better = "lower",
  per = "user",
  needs = { "accounts.created_at", "activities.account", "activities.occurred_at" },
  value = function(s)
    local finish = s.period.finish
    local window_start = finish - (STALE_DAYS - 1)
    local touched = s.all.activities:where{ occurred_at = { "between", window_start, finish } }
      :per("account")
    return s.accounts:where{ created_at = { "<", window_start } }:per("id")
      :union(s.accounts:where{ created_at = { "is nil" } }:per("id"))
      :minus(touched):count()
  end,
}
