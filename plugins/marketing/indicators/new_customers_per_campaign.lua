-- New customers attributed to the campaigns of the period (first won deal). Per campaign, in the period its campaign_date falls in.
local campaigns = require "campaigns"

return indicator {
  id = "new_customers_per_campaign",
  title = { en = "New customers attributed (per campaign)", zh = "归因新客户数（按活动）" },
  description = "Accounts whose first won opportunity ever (earliest closed_at over all owners and history; on a tie, the row loaded first) credits the campaign; 0 when none. Per campaign: figures of all history, in the period the campaign's campaign_date falls in (0 or missing in any other period).",
  unit = "count",
  better = "higher",
  per = "campaign",
  needs = { "opportunities.campaign", "opportunities.stage", "opportunities.closed_at", "opportunities.account" },
  value = function(s, k)
    return campaigns.own_new_customers(s)
  end,
}
