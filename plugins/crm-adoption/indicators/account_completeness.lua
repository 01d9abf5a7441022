-- Account completeness: the share of the accounts entered in the period with every key field filled.
local adoption = require "adoption"
local COMPLETE = adoption.filled("account_fields")

return indicator {
  id = "account_completeness",
  title = { en = "Account completeness", zh = "客户数据完整率" },
  description = "accounts with created_at in the period whose account_fields are all filled / accounts with created_at in the period; missing when none was created.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "accounts.owner", "accounts.created_at" },
  value = function(s)
    local created = s.accounts:during("created_at")
    return ratio(created:where(COMPLETE):count(), created:count())
  end,
}
