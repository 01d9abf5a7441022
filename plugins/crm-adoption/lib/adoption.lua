-- Shared definitions of crm-adoption's indicators (require "adoption").
--
-- Indicators call these at load time (the file's top level), so their value functions stay
-- straight-line chains of views and run in column mode: one query for all subjects at once.
local M = {}

-- The comma-separated field list of a string parameter, as a where{} condition table requiring
-- every field to be filled: "name, industry" -> { name = { "not nil" }, industry = { "not nil" } }.
function M.filled(parameter)
  local conditions = {}
  for name in string.gmatch(param(parameter), "[^,%s]+") do
    conditions[name] = { "not nil" }
  end
  return conditions
end

-- The number of working days (weekdays listed in working_weekdays) from the period's first to
-- its last day, both included. Called per subject (it loops over the period's days).
function M.working_days(s)
  local working = {}
  for _, weekday in ipairs(param("working_weekdays")) do
    working[weekday] = true
  end
  local first = s.period.start.weekday
  local count = 0
  for offset = 0, s.period.days - 1 do
    if working[(first - 1 + offset) % 7 + 1] then
      count = count + 1
    end
  end
  return count
end

return M
