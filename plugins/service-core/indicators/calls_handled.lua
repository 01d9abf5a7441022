-- Calls handled: inbound calls an agent served.
local service = require "service"

return indicator {
  id = "calls_handled",
  title = { en = "Calls handled", zh = "接通来电数" },
  description = "Inbound calls (direction = inbound) with abandoned = false whose queued_at falls in the period; for an agent, the calls whose agent they are.",
  unit = "count",
  better = "higher",
  per = "user",
  needs = { "calls.direction", "calls.queued_at", "calls.abandoned", "calls.agent" },
  value = function(s)
    return service.handled(s):count()
  end,
}
