-- Campaign cost: money spent on the campaigns of the period. Per campaign, in the period its campaign_date falls in.
local campaigns = require "campaigns"

return indicator {
  id = "campaign_cost_per_campaign",
  title = { en = "Campaign cost (per campaign)", zh = "营销活动费用（按活动）" },
  description = "The campaign's cost (0 when empty). Per campaign: figures of all history, in the period the campaign's campaign_date falls in (0 or missing in any other period).",
  unit = "money",
  better = "lower",
  per = "campaign",
  needs = { "campaigns.cost" },
  value = function(s, k)
    return campaigns.cost(s)
  end,
}
