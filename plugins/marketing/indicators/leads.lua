-- Leads: the leads the campaigns of the period produced. Per marketer (the campaigns they own), team and company.
local campaigns = require "campaigns"

return indicator {
  id = "leads",
  title = { en = "Leads generated", zh = "线索数" },
  description = "Leads (any created_at) whose campaign is one of the campaigns placed in the period; 0 when none.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "leads.campaign" },
  value = function(s, k)
    return campaigns.attached_count(s, s.all.leads)
  end,
}
