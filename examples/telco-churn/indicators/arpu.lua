-- Average revenue per user: the mean monthly charge of the snapshot's customers.
return indicator {
  id = "arpu",
  title = { en = "Mean monthly charge", zh = "平均月费" },
  unit = "money",
  per = "company",
  value = function(s) return s.customers:avg("monthly_charges") end,
}
