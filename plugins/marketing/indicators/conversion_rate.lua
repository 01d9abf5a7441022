-- Conversion (transaction) rate: the share of members who converted into a deal or an order. Per marketer (the campaigns they own), team and company.
local campaigns = require "campaigns"

return indicator {
  id = "conversion_rate",
  title = { en = "Conversion rate", zh = "转化率" },
  description = "Members with converted = true / members; missing when the campaigns of the period have no member.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "campaign_members.campaign", "campaign_members.converted" },
  value = function(s, k)
    return ratio(campaigns.members(s, { converted = true }), k("members"))
  end,
}
