-- Sales cycle: days from creation to close, over the deals won in the period.
local sales = require "sales"

return indicator {
  id = "sales_cycle_days",
  title = { en = "Average sales cycle", zh = "平均销售周期" },
  description = "Mean of closed_at - created_at in days over the opportunities won with closed_at in the period; missing when none was won.",
  unit = "days",
  better = "lower",
  per = "user",
  needs = { "opportunities.stage", "opportunities.created_at", "opportunities.closed_at" },
  value = function(s)
    return sales.won(s):avg(days("created_at", "closed_at"))
  end,
}
