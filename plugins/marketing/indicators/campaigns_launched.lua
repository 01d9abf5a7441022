-- Campaigns: how many campaigns the marketer (team, company) placed in the period.
local campaigns = require "campaigns"

return indicator {
  id = "campaigns_launched",
  title = { en = "Campaigns", zh = "营销活动数" },
  description = "Campaigns whose campaign_date (start_date by default) falls in the period; for a marketer, the campaigns they own.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "campaigns.owner" },
  value = function(s)
    return campaigns.of_period(s):count()
  end,
}
