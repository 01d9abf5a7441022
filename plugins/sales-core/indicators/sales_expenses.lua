-- Sales expenses: what the subject spent in the period (rejected claims left out).
return indicator {
  id = "sales_expenses",
  title = { en = "Sales expenses", zh = "销售费用" },
  description = "Sum of amount over expenses with incurred_at in the period and status other than rejected (an empty status counts); 0 when none.",
  unit = "money",
  better = "lower",
  per = "user",
  needs = { "expenses.amount", "expenses.incurred_at", "expenses.status" },
  value = function(s)
    local spent = s.expenses:during("incurred_at")
    return spent:sum("amount") - spent:where{ status = "rejected" }:sum("amount")
  end,
}
