-- Logo churn rate: the share of the period's opening customers lost by its end.
local mrr = require "mrr"

return indicator {
  id = "logo_churn_rate",
  title = { en = "Logo churn rate", zh = "客户流失率（按客户数）" },
  description = "churned_customers / accounts paying on the day before the period; missing when no account paid then.",
  unit = "percent",
  better = "lower",
  per = "user",
  needs = mrr.needs(),
  value = function(s, k)
    local none = mrr.no_opening(s)
    if none then return none end
    return ratio(k("churned_customers"), mrr.paying_accounts(s, mrr.opening_day(s)):count())
  end,
}
