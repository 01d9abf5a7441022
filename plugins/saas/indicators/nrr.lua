-- Net revenue retention: what the accounts paying at the period's start pay at its end.
local mrr = require "mrr"

return indicator {
  id = "nrr",
  title = { en = "Net revenue retention (NRR)", zh = "净收入留存率（NRR）" },
  description = "Closing MRR of the accounts paying on the day before the period / opening_mrr = (opening + expansion - contraction - churned) / opening; new and reactivated accounts are left out; missing when opening_mrr is 0.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = mrr.needs(),
  value = function(s, k)
    local none = mrr.no_opening(s)
    if none then return none end
    local opening = mrr.paying_accounts(s, mrr.opening_day(s))
    return ratio(mrr.sum_over(mrr.accounts(s, mrr.closing_day(s)), function(v) return v:intersect(opening) end), k("opening_mrr"))
  end,
}
