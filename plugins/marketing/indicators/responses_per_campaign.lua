-- Responses: members of the campaigns of the period who responded. Per campaign, in the period its campaign_date falls in.
local campaigns = require "campaigns"

return indicator {
  id = "responses_per_campaign",
  title = { en = "Responses (per campaign)", zh = "响应人数（按活动）" },
  description = "Members (as counted by members_per_campaign) with responded = true, whenever they responded; 0 when none. Per campaign: figures of all history, in the period the campaign's campaign_date falls in (0 or missing in any other period).",
  unit = "count",
  better = "higher",
  per = "campaign",
  needs = { "campaign_members.campaign", "campaign_members.responded" },
  value = function(s, k)
    return campaigns.own_members(s, { responded = true })
  end,
}
