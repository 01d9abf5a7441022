-- Revenue: the amount of the deals won in the period.
local sales = require "sales"

return indicator {
  id = "revenue",
  title = { en = "Revenue (won)", zh = "赢单金额" },
  description = "Sum of amount over opportunities with stage won and closed_at in the period; 0 when none.",
  unit = "money",
  better = "higher",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at", "opportunities.amount" },
  value = function(s)
    return sales.won(s):sum("amount")
  end,
}
