-- Store coverage: the share of the rep's own stores visited in the period.
local distribution = require "distribution"

return indicator {
  id = "store_coverage",
  title = { en = "Store coverage (visited)", zh = "门店拜访覆盖率" },
  description = "Accounts owned by the subject (accounts.owner, as exported: a snapshot) that had a store visit by the subject in the period / accounts owned by the subject; visits to stores the subject does not own are not counted; missing when the subject owns no account.",
  unit = "percent",
  better = "higher",
  per = "user",
  needs = distribution.visit_needs({ "accounts.owner" }),
  value = function(s)
    local stores = s.accounts:per("id")
    if stores:count() == 0 then return missing("no store (account) is owned by the subject") end
    local visited = distribution.visits(s):during("occurred_at"):per("account")
    return ratio(stores:intersect(visited):count(), stores:count())
  end,
}
