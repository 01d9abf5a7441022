-- Overdue receivables in age bucket 2 of ageing_buckets.
local distribution = require "distribution"

local cuts = distribution.buckets()
local low = cuts[1] + 1
local high = cuts[2]
local span = high and (low .. "–" .. high) or ("over " .. (low - 1))
local span_zh = high and (low .. "–" .. high) or ((low - 1) .. " 天以上")

return indicator {
  id = "overdue_bucket_2",
  title = { en = "Overdue " .. span .. " days (bucket 2)", zh = "逾期 " .. span_zh .. (high and " 天" or "") .. "（账龄段 2）" },
  description = "Sum of amount over payments not received by the period's last day (received_at empty or later) that are overdue on that day by ageing_buckets[1] + 1 to ageing_buckets[2] days (days overdue = the period's last day - due_at); 0 when none.",
  unit = "money",
  better = "lower",
  per = "user",
  needs = { "payments.amount", "payments.due_at", "payments.received_at" },
  value = function(s)
    return distribution.overdue_between(s, low, high)
  end,
}
