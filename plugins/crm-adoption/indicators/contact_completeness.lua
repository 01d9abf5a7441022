-- Contact completeness: the share of the contacts entered in the period with every key field filled.
local adoption = require "adoption"
local COMPLETE = adoption.filled("contact_fields")

return indicator {
  id = "contact_completeness",
  title = { en = "Contact completeness", zh = "联系人数据完整率" },
  description = "contacts with created_at in the period whose contact_fields are all filled / contacts with created_at in the period; missing when none was created.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = { "contacts.owner", "contacts.created_at" },
  value = function(s)
    local created = s.contacts:during("created_at")
    return ratio(created:where(COMPLETE):count(), created:count())
  end,
}
