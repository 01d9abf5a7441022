-- New MRR: the closing MRR of accounts that never paid before the period.
local mrr = require "mrr"

return indicator {
  id = "new_mrr",
  title = { en = "New MRR", zh = "新增 MRR" },
  description = "Closing MRR of the accounts paying on the period's last day that paid on no day before the period (no running subscription on the day before it, and no earlier subscription that ran a day); 0 when none.",
  unit = "money",
  better = "higher",
  per = "user",
  needs = mrr.needs(),
  value = function(s)
    local opening = mrr.paying_accounts(s, mrr.opening_day(s))
    local earlier = mrr.earlier_accounts(s)
    return mrr.sum_over(mrr.accounts(s, mrr.closing_day(s)), function(v) return v:minus(opening):minus(earlier) end)
  end,
}
