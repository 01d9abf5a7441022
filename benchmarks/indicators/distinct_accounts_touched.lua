return indicator {
  id = "distinct_accounts_touched",
  title = { en = "Accounts touched", zh = "触达客户数" },
  description = "Distinct accounts among the activities (any type) with occurred_at in the period.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "activities.account", "activities.occurred_at" },
  value = function(s, k)
    return s.activities:during("occurred_at"):count_distinct("account")
  end,
}
