-- Lost deals by reason: the lost deals of the period, broken down by lost_reason, so that the
-- top loss reasons are the members with the largest counts.
local sales = require "sales"

return indicator {
  id = "lost_by_reason",
  title = { en = "Lost deals by reason", zh = "丢单原因分布" },
  description = "Opportunities with stage lost and closed_at in the period, in total and per lost_reason (the breakdown; deals without a reason are the member (none)).",
  unit = "count",
  better = "lower",
  per = "user",
  needs = { "opportunities.stage", "opportunities.closed_at", "opportunities.lost_reason" },
  breakdown = "lost_reason",
  value = function(s)
    return sales.lost(s):count()
  end,
}
