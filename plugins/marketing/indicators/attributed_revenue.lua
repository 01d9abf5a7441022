-- Attributed revenue: won deals crediting the campaigns of the period. Per marketer (the campaigns they own), team and company.
local campaigns = require "campaigns"

return indicator {
  id = "attributed_revenue",
  title = { en = "Attributed revenue", zh = "归因收入" },
  description = "Sum of amount over the won opportunities (any closed_at, to date) whose campaign is one of the campaigns placed in the period; 0 when none.",
  unit = "money",
  better = "higher",
  per = "user",
  needs = { "opportunities.campaign", "opportunities.stage", "opportunities.amount" },
  value = function(s, k)
    return campaigns.revenue(s)
  end,
}
