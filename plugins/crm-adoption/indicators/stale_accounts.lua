-- Stale accounts: accounts nobody contacted in the last stale_days days.
local adoption = require "adoption"

return indicator {
  id = "stale_accounts",
  title = { en = "Stale accounts", zh = "沉睡客户数" },
  description = "The subject's accounts created before the stale window (created_at empty or more than stale_days - 1 days before the period's last day) with no activity by anyone whose account is the account and whose occurred_at is in the stale_days days up to the last day; 0 when none.",
  unit = "count",
  better = "lower",
  per = "user",
  needs = { "accounts.created_at", "activities.account", "activities.occurred_at" },
  value = function(s)
    return adoption.untouched(s, s.accounts, "account"):count()
  end,
}
