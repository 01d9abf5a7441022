-- Monthly revenue of the customers who left: what churn costs each month.
return indicator {
  id = "revenue_at_risk",
  title = { en = "Monthly revenue lost", zh = "流失月收入" },
  description = "Sum of MonthlyCharges of the customers with Churn = Yes.",
  unit = "money",
  better = "lower",
  per = "company",
  value = function(s) return s.customers:where{ churned = true }:sum("monthly_charges") end,
}
