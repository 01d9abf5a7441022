-- Churned MRR: the opening MRR of accounts that pay nothing at the period's end.
local mrr = require "mrr"

return indicator {
  id = "churned_mrr",
  title = { en = "Churned MRR", zh = "流失 MRR" },
  description = "Opening MRR of the accounts paying on the day before the period that pay nothing on its last day (a positive amount); 0 when none.",
  unit = "money",
  better = "lower",
  per = "user",
  needs = mrr.needs(),
  value = function(s)
    local closing = mrr.paying_accounts(s, mrr.closing_day(s))
    return mrr.sum_over(mrr.accounts(s, mrr.opening_day(s)), function(v) return v:minus(closing) end)
  end,
}
