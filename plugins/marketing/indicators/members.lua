-- Campaign participation: the members the campaigns of the period reached. Per marketer (the campaigns they own), team and company.
local campaigns = require "campaigns"

return indicator {
  id = "members",
  title = { en = "Campaign members", zh = "活动参与人数" },
  description = "campaign_members rows (any added_at) whose campaign is one of the campaigns placed in the period; 0 when none.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "campaign_members.campaign" },
  value = function(s, k)
    return campaigns.members(s)
  end,
}
