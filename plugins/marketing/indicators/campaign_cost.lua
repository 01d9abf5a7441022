-- Campaign cost: money spent on the campaigns of the period. Per marketer (the campaigns they own), team and company.
local campaigns = require "campaigns"

return indicator {
  id = "campaign_cost",
  title = { en = "Campaign cost", zh = "营销活动费用" },
  description = "Sum of cost over the campaigns placed in the period (campaign_date in it); 0 when none.",
  unit = "money",
  better = "lower",
  per = "user",
  needs = { "campaigns.cost" },
  value = function(s, k)
    return campaigns.cost(s)
  end,
}
