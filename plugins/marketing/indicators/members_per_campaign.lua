-- Campaign participation: the members the campaigns of the period reached. Per campaign, in the period its campaign_date falls in.
local campaigns = require "campaigns"

return indicator {
  id = "members_per_campaign",
  title = { en = "Campaign members (per campaign)", zh = "活动参与人数（按活动）" },
  description = "campaign_members rows (any added_at) whose campaign is the campaign; 0 when none. Per campaign: figures of all history, in the period the campaign's campaign_date falls in (0 or missing in any other period).",
  unit = "count",
  better = "higher",
  per = "campaign",
  needs = { "campaign_members.campaign" },
  value = function(s, k)
    return campaigns.own_members(s)
  end,
}
