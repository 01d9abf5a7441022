-- Cost per interaction: cost over the members' responses. Per campaign, in the period its campaign_date falls in.
return indicator {
  id = "cost_per_interaction_per_campaign",
  title = { en = "Cost per interaction (per campaign)", zh = "单次互动成本（按活动）" },
  description = "campaign_cost_per_campaign / responses_per_campaign (an interaction is a member's response); missing when there is none. Per campaign: figures of all history, in the period the campaign's campaign_date falls in (0 or missing in any other period).",
  unit = "money",
  better = "lower",
  per = "campaign",
  needs = { "campaigns.cost", "campaign_members.campaign", "campaign_members.responded" },
  value = function(s, k)
    return ratio(k("campaign_cost_per_campaign"), k("responses_per_campaign"))
  end,
}
