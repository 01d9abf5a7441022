-- Shared definitions of crm-adoption's indicators (require "adoption").
--
-- Indicators call these at load time (the file's top level), so their value functions stay
-- straight-line chains of views and arithmetic and run in column mode: one query for all
-- subjects at once.
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

-- The working_weekdays parameter as seven flags, Monday first: 1 for a working day, 0 otherwise.
function M.weekday_flags()
  local flags = { 0, 0, 0, 0, 0, 0, 0 }
  for _, weekday in ipairs(param("working_weekdays")) do
    flags[weekday] = 1
  end
  return table.unpack(flags)
end

return M
