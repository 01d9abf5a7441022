-- Sales expense ratio: sales expenses per unit of revenue won.
return indicator {
  id = "sales_expense_ratio",
  title = { en = "Sales expense ratio", zh = "销售费用率" },
  description = "sales_expenses / revenue, both in the period (expenses by incurred_at, rejected left out; revenue = won deals by closed_at); missing when the revenue is 0.",
  unit = "percent",
  better = "lower",
  per = "user",
  needs = {
    "expenses.amount", "expenses.incurred_at", "expenses.status", "opportunities.stage",
    "opportunities.closed_at", "opportunities.amount",
  },
  value = function(_, k)
    return ratio(k("sales_expenses"), k("revenue"))
  end,
}
