-- Average talk time: seconds talking with the agent, over the calls handled.
local service = require "service"

return indicator {
  id = "avg_talk_seconds",
  title = { en = "Average talk time", zh = "平均通话时长" },
  description = "Mean talk_seconds over the calls counted by calls_handled (calls without talk_seconds are skipped); missing when none.",
  unit = "seconds",
  better = "lower",
  per = "user",
  needs = { "calls.direction", "calls.queued_at", "calls.abandoned", "calls.talk_seconds" },
  value = function(s)
    return service.handled(s):avg("talk_seconds")
  end,
}
