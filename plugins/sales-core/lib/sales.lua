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

return M
