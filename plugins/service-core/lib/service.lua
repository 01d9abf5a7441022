-- Shared views of service-core's indicators (require "service").
local M = {}

-- Cases resolved in the period that are still resolved or closed (not reopened since).
function M.resolved(s)
  return s.cases:during("resolved_at"):where{ status = { "in", { "resolved", "closed" } } }
end

-- Cases with a resolution in the period, whatever their status now (the reopen rate's base).
function M.ever_resolved(s)
  return s.cases:during("resolved_at")
end

-- Survey answers of one type submitted in the period, with a score.
function M.scored(s, kind)
  return s.surveys:during("submitted_at"):where{ type = kind, score = { "not nil" } }
end

-- Inbound calls that entered the queue in the period (short abandons included).
function M.inbound(s)
  return s.calls:during("queued_at"):where{ direction = "inbound" }
end

-- Short abandons: inbound calls abandoned after less than short_abandon_seconds in the queue.
function M.short_abandons(s)
  return M.inbound(s):where{ abandoned = true, wait_seconds = { "<", param("short_abandon_seconds") } }
end

-- Calls offered: inbound calls minus short abandons.
function M.offered_count(s)
  return M.inbound(s):count() - M.short_abandons(s):count()
end

-- Calls handled: inbound calls served by an agent (abandoned = false).
function M.handled(s)
  return M.inbound(s):where{ abandoned = false }
end

return M
