-- Calls handled per queue: inbound calls of the queue served by an agent.
local service = require "service"

return indicator {
  id = "calls_handled_per_queue",
  title = { en = "Calls handled (per queue)", zh = "接通来电数（按队列）" },
  description = "Inbound calls (direction = inbound) whose queue is the queue, with abandoned = false and queued_at in the period (with or without a known agent).",
  unit = "count",
  better = "higher",
  per = "queue",
  needs = { "calls.queue", "calls.direction", "calls.queued_at", "calls.abandoned" },
  value = function(s)
    return service.handled(s):count()
  end,
}
