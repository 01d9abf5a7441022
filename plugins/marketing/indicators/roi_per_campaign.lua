-- ROI: (attributed revenue - cost) / cost. Per campaign, in the period its campaign_date falls in.
return indicator {
  id = "roi_per_campaign",
  title = { en = "Marketing ROI (per campaign)", zh = "营销投资回报率（按活动）" },
  description = "(attributed_revenue_per_campaign - campaign_cost_per_campaign) / campaign_cost_per_campaign; missing when the cost is 0. Per campaign: figures of all history, in the period the campaign's campaign_date falls in (0 or missing in any other period).",
  unit = "ratio",
  better = "higher",
  per = "campaign",
  needs = { "campaigns.cost", "opportunities.campaign", "opportunities.stage", "opportunities.amount" },
  value = function(s, k)
    return ratio(k("attributed_revenue_per_campaign") - k("campaign_cost_per_campaign"), k("campaign_cost_per_campaign"))
  end,
}
