-- Churn rate per payment method (`[subjects.payment_method]`).
return indicator {
  id = "payment_churn_rate",
  title = { en = "Churn rate of the payment method", zh = "该付款方式流失率" },
  unit = "percent",
  better = "lower",
  per = "payment_method",
  value = function(s)
    return ratio(s.customers:where{ churned = true }:count(), s.customers:count())
  end,
}
