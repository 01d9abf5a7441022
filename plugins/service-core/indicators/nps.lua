-- NPS: promoters (9-10) minus detractors (0-6), in points of the answers given in the period.
local service = require "service"

return indicator {
  id = "nps",
  title = { en = "Net Promoter Score", zh = "净推荐值（NPS）" },
  description = "100 x (answers with score >= 9 - answers with score <= 6) / answers, over the surveys with type = nps and a score whose submitted_at falls in the period; from -100 to 100; missing when there is none.",
  unit = "score",
  better = "higher",
  per = "user",
  needs = { "surveys.type", "surveys.score", "surveys.submitted_at", "surveys.user" },
  value = function(s)
    local answers = service.scored(s, "nps")
    local promoters = answers:where{ score = { ">=", 9 } }:count()
    local detractors = answers:where{ score = { "<=", 6 } }:count()
    return ratio(promoters - detractors, answers:count()) * 100
  end,
}
