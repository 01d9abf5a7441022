-- Attributed revenue: won deals crediting the campaigns of the period. Per campaign, in the period its campaign_date falls in.
local campaigns = require "campaigns"

return indicator {
  id = "attributed_revenue_per_campaign",
  title = { en = "Attributed revenue (per campaign)", zh = "归因收入（按活动）" },
  description = "Sum of amount over the won opportunities (any closed_at, to date) whose campaign is the campaign; 0 when none. Per campaign: figures of all history, in the period the campaign's campaign_date falls in (0 or missing in any other period).",
  unit = "money",
  better = "higher",
  per = "campaign",
  needs = { "opportunities.campaign", "opportunities.stage", "opportunities.amount" },
  value = function(s, k)
    return campaigns.own_revenue(s)
  end,
}
