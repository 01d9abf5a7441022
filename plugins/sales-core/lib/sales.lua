-- Shared views of sales-core's indicators (require "sales").
local M = {}

-- The deals closed (won or lost) in the period.
function M.closed(s)
  return s.opportunities:during("closed_at")
end

-- The deals won in the period.
function M.won(s)
  return M.closed(s):where{ stage = "won" }
end

-- The deals lost in the period.
function M.lost(s)
  return M.closed(s):where{ stage = "lost" }
end

-- The deals decided in the period: won or lost (a closed_at on an open stage is not a decision).
function M.decided(s)
  return M.closed(s):where{ stage = { "in", { "won", "lost" } } }
end

-- The accounts that were already customers when the period began: an account with a won deal
-- closed before the period's first day, whoever won it (the whole company's deals).
function M.customers_before(s)
  return s.all.opportunities:where{ stage = "won", closed_at = { "<", s.period.start } }:per("account")
end

-- The calls of the period, one key row per account called, with the number of calls `n`
-- (calls without an account have no key row).
function M.calls_per_account(s)
  return s.activities:during("occurred_at"):where{ type = "call" }:per("account", { n = "count" })
end

-- The number of Monday-to-Friday days in the period (no holiday calendar).
function M.weekdays(period)
  local weeks = period.days // 7
  local count = weeks * 5
  local first = period.start.weekday
  for offset = 0, period.days % 7 - 1 do
    if (first - 1 + offset) % 7 < 5 then count = count + 1 end
  end
  return count
end

return M
