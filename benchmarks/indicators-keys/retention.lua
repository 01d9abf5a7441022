return indicator {
  id = "retention",
  title = { en = "Customer retention", zh = "客户留存率" },
  description = "Accounts with a won deal closed or an activity in the previous period that have one in this "
    .. "period too, over those of the previous period; missing when the previous period has none.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "opportunities.account", "opportunities.closed_at", "activities.account", "activities.occurred_at" },
  value = function(s, k)
    local current = s.opportunities:where{ stage = "won" }:during("closed_at"):per("account")
      :union(s.activities:during("occurred_at"):per("account"))
    local previous = s.previous.opportunities:where{ stage = "won" }:during("closed_at"):per("account")
      :union(s.previous.activities:during("occurred_at"):per("account"))
    return ratio(previous:intersect(current):count(), previous:count())
  end,
}
