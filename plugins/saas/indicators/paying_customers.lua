-- Paying customers: accounts with MRR on the period's last day.
local mrr = require "mrr"

return indicator {
  id = "paying_customers",
  title = { en = "Paying customers (closing)", zh = "付费客户数（期末）" },
  description = "Distinct accounts with a running subscription of positive monthly value on the period's last day; 0 when none.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = mrr.needs(),
  value = function(s)
    return mrr.paying_accounts(s, mrr.closing_day(s)):count()
  end,
}
