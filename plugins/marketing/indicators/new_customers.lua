-- New customers attributed to the campaigns of the period (first won deal). Per marketer (the campaigns they own), team and company.
local campaigns = require "campaigns"

return indicator {
  id = "new_customers",
  title = { en = "New customers attributed", zh = "归因新客户数" },
  description = "Accounts whose first won opportunity ever (earliest closed_at over all owners and history; on a tie, the row loaded first) credits one of the campaigns placed in the period in its campaign field; 0 when none.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "opportunities.campaign", "opportunities.stage", "opportunities.closed_at", "opportunities.account" },
  value = function(s, k)
    return campaigns.new_customers(s)
  end,
}
