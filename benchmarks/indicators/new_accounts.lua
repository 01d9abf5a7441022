return indicator {
  id = "new_accounts",
  title = { en = "New accounts", zh = "新增客户数" },
  description = "Accounts owned by the user whose created_at falls in the period.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "accounts.owner", "accounts.created_at" },
  value = function(s, k)
    return s.accounts:during("created_at"):count()
  end,
}
