-- Data completeness: accounts, contacts and opportunities pooled.
local adoption = require "adoption"
local ACCOUNT = adoption.filled("account_fields")
local CONTACT = adoption.filled("contact_fields")
local OPPORTUNITY = adoption.filled("opportunity_fields")

return indicator {
  id = "data_completeness",
  title = { en = "Data completeness", zh = "数据完整率" },
  description = "Complete records / records over the accounts, contacts and opportunities with created_at in the period, each judged on its own field list (account_fields, contact_fields, opportunity_fields); missing when none was created.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "accounts.created_at", "contacts.created_at", "opportunities.created_at" },
  value = function(s)
    local accounts = s.accounts:during("created_at")
    local contacts = s.contacts:during("created_at")
    local deals = s.opportunities:during("created_at")
    return ratio(
      accounts:where(ACCOUNT):count() + contacts:where(CONTACT):count() + deals:where(OPPORTUNITY):count(),
      accounts:count() + contacts:count() + deals:count())
  end,
}
