-- Account coverage: how carefully the agent records new deals in the CRM (data completeness).
return indicator {
  id = "account_coverage",
  title = { en = "New deals with an account recorded", zh = "新商机客户填写率" },
  description = "Share of the deals engaged in the period (created_at in the period) whose account field is filled in: a CRM-proficiency (data completeness) measure. Maven leaves the account empty on 1,425 open deals. Missing when no deal was engaged.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "opportunities.created_at", "opportunities.account" },
  value = function(s, k)
    local engaged = s.opportunities:during("created_at")
    return ratio(engaged:where{ account = { "not nil" } }:count(), engaged:count())
  end,
}
