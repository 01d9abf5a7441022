-- Shared views of customer-value's indicators (require "history").
local M = {}

-- The subject's orders up to the period's last day (all history before it included).
function M.orders_to_date(s)
  return s.orders:where{ ordered_at = { "<=", s.period.finish } }
end

-- The length of lifetimes' time unit in days (parameter time_unit_days: 7 = weeks).
function M.unit_days()
  local days = param("time_unit_days")
  if days < 1 then error("time_unit_days must be 1 or more, found " .. days) end
  return days
end

return M
