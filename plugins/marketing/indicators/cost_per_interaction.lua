-- Cost per interaction: cost over the members' responses. Per marketer (the campaigns they own), team and company.
return indicator {
  id = "cost_per_interaction",
  title = { en = "Cost per interaction", zh = "单次互动成本" },
  description = "campaign_cost / responses (an interaction is a member's response); missing when there is none.",
  unit = "money",
  better = "lower",
  per = "user",
  needs = { "campaigns.cost", "campaign_members.campaign", "campaign_members.responded" },
  value = function(s, k)
    return ratio(k("campaign_cost"), k("responses"))
  end,
}
