-- Cost per lead. Per campaign, in the period its campaign_date falls in.
return indicator {
  id = "cost_per_lead_per_campaign",
  title = { en = "Cost per lead (per campaign)", zh = "单条线索成本（按活动）" },
  description = "campaign_cost_per_campaign / leads_per_campaign; missing when the campaign produced no lead. Per campaign: figures of all history, in the period the campaign's campaign_date falls in (0 or missing in any other period).",
  unit = "money",
  better = "lower",
  per = "campaign",
  needs = { "campaigns.cost", "leads.campaign" },
  value = function(s, k)
    return ratio(k("campaign_cost_per_campaign"), k("leads_per_campaign"))
  end,
}
