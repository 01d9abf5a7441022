-- Average wait (average speed of answer): seconds in the queue before an agent answered.
local service = require "service"

return indicator {
  id = "avg_wait_seconds",
  title = { en = "Average wait (speed of answer)", zh = "平均等待时长" },
  description = "Mean wait_seconds over the calls counted by calls_handled (calls without wait_seconds are skipped); missing when none.",
  unit = "seconds",
  better = "lower",
  per = "user",
  needs = { "calls.direction", "calls.queued_at", "calls.abandoned", "calls.wait_seconds" },
  value = function(s)
    return service.handled(s):avg("wait_seconds")
  end,
}
