-- Service level per queue: the share of the calls offered to the queue answered within N seconds.
local service = require "service"

return indicator {
  id = "service_level_per_queue",
  title = { en = "Service level (per queue)", zh = "服务水平（按队列）" },
  description = "Calls of the queue handled with wait_seconds <= service_level_seconds / calls offered to it (inbound calls of the queue minus short abandons), on queued_at in the period; abandoned calls count against it. Missing when no call was offered.",
  unit = "percent",
  better = "higher",
  per = "queue",
  needs = { "calls.queue", "calls.direction", "calls.queued_at", "calls.abandoned", "calls.wait_seconds" },
  value = function(s)
    local fast = service.handled(s):where{ wait_seconds = { "<=", param("service_level_seconds") } }:count()
    return ratio(fast, service.offered_count(s))
  end,
}
