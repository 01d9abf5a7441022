-- Shared views of marketing's indicators (require "campaigns"). Every indicator works on the
-- subject's campaigns placed in the period by param("campaign_date"), and on the records of all
-- history attached to those campaigns through their `campaign` reference (README.md).
local M = {}

-- The subject's campaigns of the period: a marketer's (owner), a team's, the company's, or
-- the campaign itself at the campaign grain.
function M.of_period(s)
  return s.campaigns:during(param("campaign_date"))
end

-- Those campaigns as a key view (one key row per campaign id), to restrict other key views.
function M.keys(s)
  return M.of_period(s):per("id")
end

-- Money spent on the campaigns of the period.
function M.cost(s)
  return M.of_period(s):sum("cost")
end

-- How many rows of `view` (a view of all history, e.g. s.all.leads) name one of the campaigns
-- of the period in their `campaign` field.
function M.attached_count(s, view)
  return view:per("campaign", { n = "count" }):intersect(M.keys(s)):sum("n")
end

-- Members of the campaigns of the period, optionally narrowed by a where{} condition table.
function M.members(s, condition)
  local members = s.all.campaign_members
  if condition then members = members:where(condition) end
  return M.attached_count(s, members)
end

-- Revenue attributed to the campaigns of the period: won opportunities crediting one of them.
function M.revenue(s)
  return s.all.opportunities:where{ stage = "won" }
    :per("campaign", { revenue = { "sum", "amount" } })
    :intersect(M.keys(s)):sum("revenue")
end

-- Every account's first won opportunity ever (earliest closed_at, over all owners; on a tie,
-- the row loaded first), as a key view keyed by account with the deal's id in `deal`. It reads
-- no period, so it is grouped once for the whole run. (The id, not the campaign, is taken:
-- `first` skips null values, so the campaign of a first deal crediting none would be missed.)
function M.first_deals(s)
  return s.all.opportunities:where{ stage = "won", closed_at = { "not nil" } }
    :per("account", { deal = { "first", "id", "closed_at" } })
end

-- New customers attributed to the campaigns of the period: accounts whose first won deal
-- credits one of them. The `in` lists hold the subject's campaigns and the deals crediting them.
function M.new_customers(s)
  local ids = M.of_period(s):distinct("id")
  if #ids == 0 then return 0 end
  local credited = s.all.opportunities:where{ stage = "won", campaign = { "in", ids } }:distinct("id")
  if #credited == 0 then return 0 end
  return M.first_deals(s):where{ deal = { "in", credited } }:count()
end

-- At the campaign grain a subject sees its own campaigns row and the records attached to it
-- through their `campaign` reference, of all history. The figures belong to the period its
-- campaign_date falls in: in = 1 then, 0 otherwise, and every count and sum is multiplied by it.
function M.own_in_period(s)
  return M.of_period(s):count()
end

-- The campaign's members (optionally narrowed by a where{} condition table), in its period.
function M.own_members(s, condition)
  local members = s.campaign_members
  if condition then members = members:where(condition) end
  return members:count() * M.own_in_period(s)
end

-- The campaign's leads, in its period.
function M.own_leads(s)
  return s.leads:count() * M.own_in_period(s)
end

-- The revenue of the won opportunities crediting the campaign, in its period.
function M.own_revenue(s)
  return s.opportunities:where{ stage = "won" }:sum("amount") * M.own_in_period(s)
end

-- The accounts whose first won opportunity ever credits the campaign, in its period.
function M.own_new_customers(s)
  local credited = s.opportunities:where{ stage = "won" }:distinct("id")
  if #credited == 0 then return 0 end
  return M.first_deals(s):where{ deal = { "in", credited } }:count() * M.own_in_period(s)
end

return M
