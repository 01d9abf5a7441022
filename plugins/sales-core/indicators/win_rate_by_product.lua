-- Win rate by product: the win rate, in total and per product of the deal.
local sales = require "sales"

return indicator {
  id = "win_rate_by_product",
  title = { en = "Win rate by product", zh = "分产品赢单率" },
  description = "won / (won + lost) over opportunities closed in the period, in total (= win_rate) and per product (the breakdown; deals without a product are the member (none)); missing when nothing was decided.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at", "opportunities.product" },
  breakdown = "product",
  value = function(s)
    return ratio(sales.won(s):count(), sales.decided(s):count())
  end,
}
