-- Account coverage: how carefully the agent records deals in the CRM (data completeness).
return indicator {
  id = "account_coverage",
  title = { en = "Deals with an account recorded", zh = "商机客户填写率" },
  description = "Share of the deals closed in the period (won or lost) whose account field is filled in: a CRM-proficiency (data completeness) measure. Maven leaves the account empty on 1,425 deals. Missing when no deal was closed.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at", "opportunities.account" },
  value = function(s, k)
    local closed = s.opportunities:where{ stage = { "in", { "won", "lost" } } }:during("closed_at")
    return ratio(closed:where{ account = { "not nil" } }:count(), closed:count())
  end,
}
