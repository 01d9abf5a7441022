-- Abandon rate per queue: callers of the queue who hung up before being served, over the calls
-- offered to it.
local service = require "service"

return indicator {
  id = "abandon_rate_per_queue",
  title = { en = "Abandon rate (per queue)", zh = "放弃率（按队列）" },
  description = "(inbound calls of the queue with abandoned = true - short abandons) / (inbound calls of the queue - short abandons), on queued_at in the period; a short abandon waited less than short_abandon_seconds. Missing when no call was offered.",
  unit = "percent",
  better = "lower",
  per = "queue",
  needs = { "calls.queue", "calls.direction", "calls.queued_at", "calls.abandoned", "calls.wait_seconds" },
  value = function(s)
    local abandoned = service.inbound(s):where{ abandoned = true }:count() - service.short_abandons(s):count()
    return ratio(abandoned, service.offered_count(s))
  end,
}
