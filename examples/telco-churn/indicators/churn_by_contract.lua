-- Churn rate per contract type: each contract type is a subject (`[subjects.contract]`), and
-- its customers are those whose contract references it.
return indicator {
  id = "contract_churn_rate",
  title = { en = "Churn rate of the contract type", zh = "该合同类型流失率" },
  unit = "percent",
  better = "lower",
  per = "contract",
  value = function(s)
    return ratio(s.customers:where{ churned = true }:count(), s.customers:count())
  end,
}
