-- Lost deals: how many deals were lost in the period.
local sales = require "sales"

return indicator {
  id = "lost_deals",
  title = { en = "Lost deals", zh = "丢单数" },
  description = "Opportunities with stage lost and closed_at in the period.",
  unit = "count",
  better = "lower",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at" },
  value = function(s)
    return sales.lost(s):count()
  end,
}
