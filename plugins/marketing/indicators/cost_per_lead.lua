-- Cost per lead. Per marketer (the campaigns they own), team and company.
return indicator {
  id = "cost_per_lead",
  title = { en = "Cost per lead", zh = "单条线索成本" },
  description = "campaign_cost / leads; missing when the campaigns of the period produced no lead.",
  unit = "money",
  better = "lower",
  per = "user",
  needs = { "campaigns.cost", "leads.campaign" },
  value = function(s, k)
    return ratio(k("campaign_cost"), k("leads"))
  end,
}
