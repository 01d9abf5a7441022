-- Shared views of customer-value's indicators (require "history").
local M = {}

-- The subject's orders up to the period's last day (all history before it included).
function M.orders_to_date(s)
  return s.orders:where{ ordered_at = { "<=", s.period.finish } }
end

return M
