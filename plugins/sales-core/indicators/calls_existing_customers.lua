-- Calls to existing customers: calls of the period to accounts that were customers before it.
local sales = require "sales"

return indicator {
  id = "calls_existing_customers",
  title = { en = "Calls to existing customers", zh = "老客户电话数" },
  description = "Activities with type call and occurred_at in the period whose account had a won opportunity (anyone's) closed before the period's first day; calls without an account are not counted; 0 when none.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = {
    "activities.type", "activities.occurred_at", "activities.account", "opportunities.stage",
    "opportunities.closed_at", "opportunities.account",
  },
  value = function(s)
    return sales.calls_per_account(s):intersect(sales.customers_before(s)):sum("n")
  end,
}
