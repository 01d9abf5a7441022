-- Shared definitions of crm-adoption's indicators (require "adoption").
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
-- its last day, both included.
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

-- The subject's users employed at some time in the period: hire_date empty or on or before its
-- last day, and leave_date empty or on or after its first day (a key view on the user id).
function M.employed(s)
  return s.users:per("id")
    :minus(s.users:where{ hire_date = { ">", s.period.finish } }:per("id"))
    :minus(s.users:where{ leave_date = { "<", s.period.start } }:per("id"))
end

-- The users with at least active_min_activities activities with occurred_at in the period (a key
-- view on the owner).
function M.active(s)
  return s.activities:during("occurred_at"):per("owner", { logged = "count" })
    :where{ logged = { ">=", param("active_min_activities") } }
end

-- The subject's records of an entity created in the period, and how many of them have every
-- field of the parameter filled: returns complete, all.
function M.completeness(view, parameter)
  local created = view:during("created_at")
  return created:where(M.filled(parameter)):count(), created:count()
end

-- The ids of every record of the view that no activity (by anyone) touched through `reference`
-- (account, opportunity) in the stale_days days up to the period's last day, and that existed
-- before that window began (created_at empty or on or before its first day).
function M.untouched(s, view, reference)
  local finish = s.period.finish
  local window_start = finish - (param("stale_days") - 1)
  local old = view:where{ created_at = { "<", window_start } }:per("id")
    :union(view:where{ created_at = { "is nil" } }:per("id"))
  local touched = s.all.activities:where{ occurred_at = { "between", window_start, finish } }
    :per(reference)
  return old:minus(touched)
end

return M
