-- Response rate: the share of members who responded. Per campaign, in the period its campaign_date falls in.
return indicator {
  id = "response_rate_per_campaign",
  title = { en = "Response rate (per campaign)", zh = "响应率（按活动）" },
  description = "responses_per_campaign / members_per_campaign; missing when the campaign has no member. Per campaign: figures of all history, in the period the campaign's campaign_date falls in (0 or missing in any other period).",
  unit = "percent",
  better = "higher",
  per = "campaign",
  needs = { "campaign_members.campaign", "campaign_members.responded" },
  value = function(s, k)
    return ratio(k("responses_per_campaign"), k("members_per_campaign"))
  end,
}
