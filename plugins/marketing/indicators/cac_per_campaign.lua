-- Customer acquisition cost: cost per attributed new customer. Per campaign, in the period its campaign_date falls in.
return indicator {
  id = "cac_per_campaign",
  title = { en = "Customer acquisition cost (per campaign)", zh = "获客成本（按活动）" },
  description = "campaign_cost_per_campaign / new_customers_per_campaign; missing when no new customer is attributed to the campaign. Per campaign: figures of all history, in the period the campaign's campaign_date falls in (0 or missing in any other period).",
  unit = "money",
  better = "lower",
  per = "campaign",
  needs = { "campaigns.cost", "opportunities.campaign", "opportunities.stage", "opportunities.closed_at", "opportunities.account" },
  value = function(s, k)
    return ratio(k("campaign_cost_per_campaign"), k("new_customers_per_campaign"))
  end,
}
