-- Responses: members of the campaigns of the period who responded. Per marketer (the campaigns they own), team and company.
local campaigns = require "campaigns"

return indicator {
  id = "responses",
  title = { en = "Responses", zh = "响应人数" },
  description = "Members (as counted by members) with responded = true, whenever they responded; 0 when none.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "campaign_members.campaign", "campaign_members.responded" },
  value = function(s, k)
    return campaigns.members(s, { responded = true })
  end,
}
