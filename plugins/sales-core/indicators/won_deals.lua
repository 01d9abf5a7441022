-- Won deals: how many deals were won in the period.
local sales = require "sales"

return indicator {
  id = "won_deals",
  title = { en = "Won deals", zh = "赢单数" },
  description = "Opportunities with stage won and closed_at in the period.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at" },
  value = function(s)
    return sales.won(s):count()
  end,
}
