-- Customer acquisition cost: cost per attributed new customer. Per marketer (the campaigns they own), team and company.
return indicator {
  id = "cac",
  title = { en = "Customer acquisition cost", zh = "获客成本" },
  description = "campaign_cost / new_customers; missing when no new customer is attributed to the campaigns of the period.",
  unit = "money",
  better = "lower",
  per = "user",
  needs = { "campaigns.cost", "opportunities.campaign", "opportunities.stage", "opportunities.closed_at", "opportunities.account" },
  value = function(s, k)
    return ratio(k("campaign_cost"), k("new_customers"))
  end,
}
