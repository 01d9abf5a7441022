-- Response rate: the share of members who responded. Per marketer (the campaigns they own), team and company.
return indicator {
  id = "response_rate",
  title = { en = "Response rate", zh = "响应率" },
  description = "responses / members; missing when the campaigns of the period have no member.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "campaign_members.campaign", "campaign_members.responded" },
  value = function(s, k)
    return ratio(k("responses"), k("members"))
  end,
}
