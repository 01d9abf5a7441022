-- Churned customers (logos): accounts paying at the period's start that pay nothing at its end.
local mrr = require "mrr"

return indicator {
  id = "churned_customers",
  title = { en = "Churned customers (logos)", zh = "流失客户数" },
  description = "Accounts paying on the day before the period that pay nothing on its last day; 0 when none.",
  unit = "count",
  better = "lower",
  per = "user",
  needs = mrr.needs(),
  value = function(s)
    local closing = mrr.paying_accounts(s, mrr.closing_day(s))
    return mrr.paying_accounts(s, mrr.opening_day(s)):minus(closing):count()
  end,
}
