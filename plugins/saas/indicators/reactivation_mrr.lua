-- Reactivation MRR: the closing MRR of returning accounts, who paid before but not at the period's start.
local mrr = require "mrr"

return indicator {
  id = "reactivation_mrr",
  title = { en = "Reactivation MRR", zh = "召回 MRR" },
  description = "Closing MRR of the accounts paying on the period's last day that paid on some day before the period but not on the day before it (returning customers); 0 when none.",
  unit = "money",
  better = "higher",
  per = "user",
  needs = mrr.needs(),
  value = function(s)
    local opening = mrr.paying_accounts(s, mrr.opening_day(s))
    local earlier = mrr.earlier_accounts(s)
    return mrr.sum_over(mrr.accounts(s, mrr.closing_day(s)), function(v) return v:minus(opening):intersect(earlier) end)
  end,
}
