-- Opening MRR: the MRR running on the day before the period, which the period's movements start from.
local mrr = require "mrr"

return indicator {
  id = "opening_mrr",
  title = { en = "MRR (opening)", zh = "月度经常性收入（期初）" },
  description = "Sum of the monthly value of the subject's subscriptions running on the day before the period's first day (the previous period's closing MRR); 0 when none.",
  unit = "money",
  better = "higher",
  per = "user",
  needs = mrr.needs(),
  value = function(s)
    return mrr.total(s, mrr.opening_day(s))
  end,
}
