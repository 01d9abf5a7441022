-- Win rate by segment: the win rate, in total and per customer segment of the deal's account.
local sales = require "sales"

return indicator {
  id = "win_rate_by_segment",
  title = { en = "Win rate by segment", zh = "分客户细分赢单率" },
  description = "won / (won + lost) over opportunities closed in the period, in total (= win_rate) and per account.segment (the breakdown; deals of accounts without a segment are the member (none)); missing when nothing was decided.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at", "opportunities.account", "accounts.segment" },
  breakdown = "account.segment",
  value = function(s)
    return ratio(sales.won(s):count(), sales.decided(s):count())
  end,
}
