-- Net new MRR: closing minus opening MRR, the sum of the period's movements.
local mrr = require "mrr"

return indicator {
  id = "net_new_mrr",
  title = { en = "Net new MRR", zh = "净新增 MRR" },
  description = "mrr - opening_mrr = new_mrr + reactivation_mrr + expansion_mrr - contraction_mrr - churned_mrr; negative when the book shrank.",
  unit = "money",
  better = "higher",
  per = "user",
  needs = mrr.needs(),
  value = function(_, k)
    return k("mrr") - k("opening_mrr")
  end,
}
