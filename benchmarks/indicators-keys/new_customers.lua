return indicator {
  id = "new_customers",
  title = { en = "New customers", zh = "新客户数" },
  description = "Accounts whose first won deal with the user (over all history) closed in the period.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "opportunities.account", "opportunities.stage", "opportunities.closed_at" },
  value = function(s, k)
    return s.opportunities:where{ stage = "won" }:per("account", { first = { "min", "closed_at" } })
      :during("first"):count()
  end,
}
