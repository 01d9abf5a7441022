-- CSAT: the mean satisfaction score of the survey answers given in the period.
local service = require "service"

return indicator {
  id = "csat",
  title = { en = "CSAT (mean score)", zh = "客户满意度（平均分）" },
  description = "Mean score (1-5) of the surveys with type = csat and a score whose submitted_at falls in the period; for an agent, the surveys whose user is the agent. Missing when there is none.",
  unit = "score",
  better = "higher",
  per = "user",
  needs = { "surveys.type", "surveys.score", "surveys.submitted_at", "surveys.user" },
  value = function(s)
    return service.scored(s, "csat"):avg("score")
  end,
}
