-- ROI: (attributed revenue - cost) / cost. Per marketer (the campaigns they own), team and company.
return indicator {
  id = "roi",
  title = { en = "Marketing ROI", zh = "营销投资回报率" },
  description = "(attributed_revenue - campaign_cost) / campaign_cost; missing when the cost is 0 (or no campaign).",
  unit = "ratio",
  better = "higher",
  per = "user",
  needs = { "campaigns.cost", "opportunities.campaign", "opportunities.stage", "opportunities.amount" },
  value = function(s, k)
    return ratio(k("attributed_revenue") - k("campaign_cost"), k("campaign_cost"))
  end,
}
