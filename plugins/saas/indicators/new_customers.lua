-- New customers: accounts paying at the period's end that never paid before it.
local mrr = require "mrr"

return indicator {
  id = "new_customers",
  title = { en = "New paying customers", zh = "新增付费客户数" },
  description = "Accounts paying on the period's last day that paid on no day before the period (the accounts new_mrr counts); 0 when none.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = mrr.needs(),
  value = function(s)
    local opening = mrr.paying_accounts(s, mrr.opening_day(s))
    return mrr.paying_accounts(s, mrr.closing_day(s)):minus(opening):minus(mrr.earlier_accounts(s)):count()
  end,
}
