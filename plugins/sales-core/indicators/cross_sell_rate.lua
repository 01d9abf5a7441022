-- Cross-sell rate: the share of the period's buying accounts that buy two product families or more.
local sales = require "sales"

return indicator {
  id = "cross_sell_rate",
  title = { en = "Cross-sell rate", zh = "交叉销售率" },
  description = "Accounts with a won deal closed in the period whose won deals closed in the last cross_sell_window_days days up to the period's last day span two or more product.family values / accounts with a won deal closed in the period (the subject's deals); deals without a product or family add no family; missing when no account bought.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = {
    "opportunities.stage", "opportunities.closed_at", "opportunities.account", "opportunities.product",
    "products.family",
  },
  value = function(s)
    local finish = s.period.finish
    local buyers = sales.won(s):per("account")
    local window = s.opportunities:where{
      stage = "won",
      closed_at = { "between", finish - (param("cross_sell_window_days") - 1), finish },
    }
    local families = window:per("account", { families = { "count_distinct", "product.family" } })
    return ratio(families:where{ families = { ">=", 2 } }:intersect(buyers):count(), buyers:count())
  end,
}
