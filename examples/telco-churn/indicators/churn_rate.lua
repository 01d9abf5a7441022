-- Churn rate: customers who left in the last month over all customers. Declared for the
-- company; the per-contract and per-payment-method files below give the same rate by segment.
return indicator {
  id = "churn_rate",
  title = { en = "Churn rate", zh = "流失率" },
  description = "Customers with Churn = Yes over all customers in the snapshot.",
  unit = "percent",
  better = "lower",
  per = "company",
  value = function(s)
    return ratio(s.customers:where{ churned = true }:count(), s.customers:count())
  end,
}
