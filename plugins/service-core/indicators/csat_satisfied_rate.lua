-- CSAT satisfied share: answers at or above the satisfied threshold (4 of 5 by default).
local service = require "service"

return indicator {
  id = "csat_satisfied_rate",
  title = { en = "CSAT satisfied share", zh = "满意率" },
  description = "Among the CSAT answers counted by csat, the share with score >= csat_satisfied_min; missing when there is none.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "surveys.type", "surveys.score", "surveys.submitted_at", "surveys.user" },
  value = function(s)
    local answers = service.scored(s, "csat")
    return ratio(answers:where{ score = { ">=", param("csat_satisfied_min") } }:count(), answers:count())
  end,
}
