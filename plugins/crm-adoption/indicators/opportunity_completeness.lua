-- Opportunity completeness: the share of the opportunities entered in the period with every key field filled.
local adoption = require "adoption"
local COMPLETE = adoption.filled("opportunity_fields")

return indicator {
  id = "opportunity_completeness",
  title = { en = "Opportunity completeness", zh = "商机数据完整率" },
  description = "opportunities with created_at in the period whose opportunity_fields are all filled / opportunities with created_at in the period; missing when none was created.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "opportunities.owner", "opportunities.created_at" },
  value = function(s)
    local created = s.opportunities:during("created_at")
    return ratio(created:where(COMPLETE):count(), created:count())
  end,
}
