-- Conversion (transaction) rate: the share of members who converted into a deal or an order. Per campaign, in the period its campaign_date falls in.
local campaigns = require "campaigns"

return indicator {
  id = "conversion_rate_per_campaign",
  title = { en = "Conversion rate (per campaign)", zh = "转化率（按活动）" },
  description = "Members with converted = true / members_per_campaign; missing when the campaign has no member. Per campaign: figures of all history, in the period the campaign's campaign_date falls in (0 or missing in any other period).",
  unit = "percent",
  better = "higher",
  per = "campaign",
  needs = { "campaign_members.campaign", "campaign_members.converted" },
  value = function(s, k)
    return ratio(campaigns.own_members(s, { converted = true }), k("members_per_campaign"))
  end,
}
