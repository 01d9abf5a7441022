-- Abandon rate: callers who hung up before being served, over the calls offered. Abandoned
-- calls have no agent, so only the company sees them.
local service = require "service"

return indicator {
  id = "abandon_rate",
  title = { en = "Abandon rate", zh = "放弃率" },
  description = "(inbound calls with abandoned = true - short abandons) / (inbound calls - short abandons), on queued_at in the period; a short abandon waited less than short_abandon_seconds. Missing when no call was offered.",
  unit = "percent",
  better = "lower",
  per = "company",
  needs = { "calls.direction", "calls.queued_at", "calls.abandoned", "calls.wait_seconds" },
  value = function(s)
    local abandoned = service.inbound(s):where{ abandoned = true }:count() - service.short_abandons(s):count()
    return ratio(abandoned, service.offered_count(s))
  end,
}
