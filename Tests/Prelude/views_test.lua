-- Views record plans and aggregates ask for them once (views.lua, aggregates.lua,
-- grouped.lua), checked against Lua fakes of the host's query functions.
local P = ...
local t = P.testing
local date = P.date

-- The fakes: each plan and aggregate the prelude prepares is logged and numbered.
local q = __host.query
local log = { plans = {}, aggregates = {}, runs = 0 }
function q.has_entity(name) return name == "opportunities" or name == "cases" end
function q.plan(entity, restricted, filters)
  log.plans[#log.plans + 1] = { entity = entity, restricted = restricted, filters = filters }
  return #log.plans
end
function q.prepare_aggregate(plan, name, measure, extra, by, group)
  log.aggregates[#log.aggregates + 1] = { plan = plan, name = name, measure = measure, extra = extra, by = by,
    group = group }
  return #log.aggregates
end
function q.run(id)
  log.runs = log.runs + 1
  return id * 10
end

local function scope(slot) return P.new_scope(slot or 0, true, nil, nil) end

t.case("a chain of filters is one view, found again on the next call", function()
  local s = scope()
  local a = s.opportunities:where{ stage = "won" }:during("closed_at")
  local b = s.opportunities:where{ stage = "won" }:during("closed_at")
  t.truthy(rawequal(a, b), "the same handle")
  t.truthy(not rawequal(a, s.opportunities:during("closed_at"):where{ stage = "won" }), "filter order matters")
  t.equal(s.unknown_entity, nil, "an entity the workspace lacks")
end)

t.case("where{} reads its conditions in field order, whatever order the table holds", function()
  local s = scope()
  local one = s.opportunities:where{ amount = { ">=", 5000 }, stage = "won" }
  local other = s.opportunities:where{ stage = "won", amount = { ">=", 5000 } }
  t.truthy(rawequal(one, other), "the same view")
  local plans = #log.plans
  one:count()
  local plan = log.plans[plans + 1]
  t.equal(plan.entity, "opportunities")
  t.equal(plan.filters[1].field, "amount", "sorted by field name")
  t.equal(plan.filters[1].op, ">=")
  t.equal(plan.filters[2].field, "stage")
  t.same(plan.filters[2].values, { "won" })
end)

t.case("an in list crosses to the host as one string of operand codes", function()
  local s = scope()
  local plans = #log.plans
  s.cases:where{ status = { "in", { "open", "a,b", 3, date(1970, 1, 2) } } }:count()
  local filter = log.plans[plans + 1].filters[1]
  t.equal(filter.op, "in")
  t.equal(filter.encoded, "s4:open,s3:a,b,n3,d1")
  t.equal(filter.values, nil)
end)

t.case("each aggregate of a view is prepared once and its plan is shared between scopes", function()
  local plans, aggregates = #log.plans, #log.aggregates
  local won = scope().opportunities:where{ stage = "lost" }
  t.equal(won:sum("amount"), (aggregates + 1) * 10)
  t.equal(won:sum("amount"), (aggregates + 1) * 10)
  won:count()
  t.equal(#log.aggregates, aggregates + 2, "sum and count, once each")
  t.equal(#log.plans, plans + 1, "one plan for both")
  -- The same chain in the previous period's scope: another slot, the same plan.
  scope(1).opportunities:where{ stage = "lost" }:count()
  t.equal(#log.plans, plans + 1, "the plan is the entity's and the filters'")
end)

t.case("aggregates pass their measure, extra argument and grouping to the host", function()
  local s = scope()
  local view = s.opportunities:where{ stage = "open" }
  local aggregates = #log.aggregates
  view:percentile(P.duration("days")("created_at", "closed_at"), 90)
  view:first("amount", "closed_at")
  view:group_by("product"):sum("amount")
  local percentile, first, grouped = log.aggregates[aggregates + 1], log.aggregates[aggregates + 2],
    log.aggregates[aggregates + 3]
  t.equal(percentile.name, "percentile")
  local measure = percentile.measure
  t.same({ measure.unit, measure.from, measure.to }, { "days", "created_at", "closed_at" })
  t.equal(percentile.extra, 90)
  t.same({ first.name, first.measure, first.by }, { "first", "amount", "closed_at" })
  t.same({ grouped.name, grouped.measure, grouped.group }, { "sum", "amount", "product" })
end)

t.case("view arguments are checked before anything is prepared", function()
  local view = scope().opportunities
  local aggregates = #log.aggregates
  t.fails(function() view:sum(3) end, "sum takes a field name, days(a, b) / hours(a, b) or field(…) arithmetic")
  t.fails(function() view:percentile("amount", "p90") end, "percentile(field, p) takes p in 0..100")
  t.fails(function() view:top(-1, "amount") end, "top(n, field) takes a whole number n")
  t.fails(function() view:between("closed_at", 1, 2) end, "between(field, a, b) takes two dates")
  t.fails(function() view:where{ "won" } end, "where{...}: condition keys are field names")
  t.fails(function() view:during(5) end, "during takes a field name")
  t.fails(function() view.count() end, "expected a view (call its methods with ':')")
  t.equal(#log.aggregates, aggregates)
end)

t.case("views and grouped views are read-only handles", function()
  local view = scope().opportunities
  t.fails(function() view.filters = {} end, "views are read-only")
  t.fails(function() view:group_by("product").x = 1 end, "grouped views are read-only")
  t.equal(getmetatable(view), "yardstick.view")
  t.equal(next(view), nil, "a handle holds nothing a script can read")
end)
