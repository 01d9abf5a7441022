-- Average wait per queue (average speed of answer): seconds in the queue before an agent answered.
local service = require "service"

return indicator {
  id = "avg_wait_seconds_per_queue",
  title = { en = "Average wait (speed of answer) (per queue)", zh = "平均等待时长（按队列）" },
  description = "Mean wait_seconds over the calls counted by calls_handled_per_queue (calls without wait_seconds are skipped); missing when none.",
  unit = "seconds",
  better = "lower",
  per = "queue",
  needs = { "calls.queue", "calls.direction", "calls.queued_at", "calls.abandoned", "calls.wait_seconds" },
  value = function(s)
    return service.handled(s):avg("wait_seconds")
  end,
}
