-- Service level: the share of calls offered that were answered within N seconds (80/20).
local service = require "service"

return indicator {
  id = "service_level",
  title = { en = "Service level", zh = "服务水平" },
  description = "Calls handled with wait_seconds <= service_level_seconds / calls offered (inbound calls minus short abandons), on queued_at in the period. For an agent or team the calls offered are the calls they answered (an abandoned call has no agent); for the company abandoned calls count against it. Missing when no call was offered.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "calls.direction", "calls.queued_at", "calls.abandoned", "calls.wait_seconds", "calls.agent" },
  value = function(s)
    local fast = service.handled(s):where{ wait_seconds = { "<=", param("service_level_seconds") } }:count()
    return ratio(fast, service.offered_count(s))
  end,
}
