-- Calls to new customers: calls of the period to accounts that were not yet customers when it began.
local sales = require "sales"

return indicator {
  id = "calls_new_customers",
  title = { en = "Calls to new customers", zh = "新客户电话数" },
  description = "Activities with type call and occurred_at in the period whose account had no won opportunity (anyone's) closed before the period's first day (prospects, and accounts first won during the period); calls without an account are not counted; 0 when none.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = {
    "activities.type", "activities.occurred_at", "activities.account", "opportunities.stage",
    "opportunities.closed_at", "opportunities.account",
  },
  value = function(s)
    return sales.calls_per_account(s):minus(sales.customers_before(s)):sum("n")
  end,
}
