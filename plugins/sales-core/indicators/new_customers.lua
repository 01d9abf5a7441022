-- New customers: accounts whose first won deal closes in the period.
return indicator {
  id = "new_customers",
  title = { en = "New customers", zh = "新客户数" },
  description = "Accounts whose earliest closed_at among the subject's won opportunities falls in the period (for a rep: first won with that rep; for the company: first won ever).",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at", "opportunities.account" },
  value = function(s)
    return s.opportunities:where{ stage = "won" }
      :per("account", { first = { "min", "closed_at" } })
      :during("first"):count()
  end,
}
