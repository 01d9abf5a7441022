-- Leads: the leads the campaigns of the period produced. Per campaign, in the period its campaign_date falls in.
local campaigns = require "campaigns"

return indicator {
  id = "leads_per_campaign",
  title = { en = "Leads generated (per campaign)", zh = "线索数（按活动）" },
  description = "Leads (any created_at) whose campaign is the campaign; 0 when none. Per campaign: figures of all history, in the period the campaign's campaign_date falls in (0 or missing in any other period).",
  unit = "count",
  better = "higher",
  per = "campaign",
  needs = { "leads.campaign" },
  value = function(s, k)
    return campaigns.own_leads(s)
  end,
}
