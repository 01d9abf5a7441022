-- Data completeness: accounts, contacts and opportunities pooled.
local adoption = require "adoption"

return indicator {
  id = "data_completeness",
  title = { en = "Data completeness", zh = "数据完整率" },
  description = "Complete records / records over the accounts, contacts and opportunities with created_at in the period, each judged on its own field list (account_fields, contact_fields, opportunity_fields); missing when none was created.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "accounts.created_at", "contacts.created_at", "opportunities.created_at" },
  value = function(s)
    local accounts, all_accounts = adoption.completeness(s.accounts, "account_fields")
    local contacts, all_contacts = adoption.completeness(s.contacts, "contact_fields")
    local deals, all_deals = adoption.completeness(s.opportunities, "opportunity_fields")
    return ratio(accounts + contacts + deals, all_accounts + all_contacts + all_deals)
  end,
}
