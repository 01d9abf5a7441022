-- MRR: the monthly recurring revenue running on the period's last day.
local mrr = require "mrr"

return indicator {
  id = "mrr",
  title = { en = "MRR (closing)", zh = "月度经常性收入（期末）" },
  description = "Sum of the monthly value of the subject's subscriptions running on the period's last day (started_at <= finish < ended_at, or no ended_at), over subscriptions with an account and a positive monthly value; 0 when none.",
  unit = "money",
  better = "higher",
  per = "user",
  needs = mrr.needs(),
  value = function(s)
    return mrr.total(s, mrr.closing_day(s))
  end,
}
