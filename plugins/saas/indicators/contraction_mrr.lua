-- Contraction MRR: how much the accounts paying at both ends of the period shrank.
local mrr = require "mrr"

return indicator {
  id = "contraction_mrr",
  title = { en = "Contraction MRR", zh = "收缩 MRR" },
  description = "Sum over the accounts paying on the day before the period and on its last day of opening MRR - closing MRR where it is positive (downgrades, removed seats); computed as expansion_mrr - (their closing MRR - their opening MRR); 0 when none.",
  unit = "money",
  better = "lower",
  per = "user",
  needs = mrr.needs(),
  value = function(s, k)
    local opening = mrr.paying_accounts(s, mrr.opening_day(s))
    local closing = mrr.paying_accounts(s, mrr.closing_day(s))
    local kept_after = mrr.sum_over(mrr.accounts(s, mrr.closing_day(s)), function(v) return v:intersect(opening) end)
    local kept_before = mrr.sum_over(mrr.accounts(s, mrr.opening_day(s)), function(v) return v:intersect(closing) end)
    return k("expansion_mrr") - (kept_after - kept_before)
  end,
}
