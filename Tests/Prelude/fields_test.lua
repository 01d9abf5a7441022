-- field() expressions (fields.lua): the codes that cross to the host and key the caches,
-- checked against Lua fakes of the host's query functions.
local P = ...
local t = P.testing
local field, days = P.field, P.duration("days")

local q = __host.query
local log = { plans = {}, aggregates = {} }
function q.has_entity(name) return name == "orders" end
function q.plan(entity, restricted, filters)
  log.plans[#log.plans + 1] = { entity = entity, restricted = restricted, filters = filters }
  return #log.plans
end
function q.prepare_aggregate(plan, name, measure, extra, by, group)
  log.aggregates[#log.aggregates + 1] = { plan = plan, name = name, measure = measure, extra = extra, by = by,
    group = group }
  return #log.aggregates
end
function q.run(id) return id end

local function scope() return P.new_scope(0, true, nil, nil) end

t.case("an expression's code is prefix notation with length-prefixed names", function()
  t.equal(P.field_code(field("amount")), "F6:amount")
  t.equal(P.field_code(field("amount") - field("cost")), "-F6:amountF4:cost")
  t.equal(P.field_code((field("a") - field("b")) * 2), "*-F1:aF1:bn2;")
  t.equal(P.field_code(field("a") / 0.5), "/F1:af0x1p-1;")
  t.equal(P.field_code(-field("a")), "-n0;F1:a")
  t.equal(P.field_code(field("x") + days("created_at", "closed_at")), "+F1:xDd10:created_at9:closed_at")
  t.equal(tostring(field("a") * 2), "(field(\"a\") * 2)")
end)

t.case("different expressions have different codes, equal ones the same", function()
  local codes = {
    P.field_code((field("a") - field("b")) - field("c")),
    P.field_code(field("a") - (field("b") - field("c"))),
    P.field_code(field("a.b") - field("c")),
    P.field_code(field("a") - field("b.c")),
    P.field_code(field("a") * 1),
    P.field_code(field("a") * 1.0),
    P.field_code(field("ab") + field("c")),
    P.field_code(field("a") + field("bc")),
  }
  for i = 1, #codes do
    for j = i + 1, #codes do t.truthy(codes[i] ~= codes[j], codes[i] .. " vs " .. codes[j]) end
  end
  t.equal(P.field_code(field("a") - field("b")), P.field_code(field("a") - field("b")))
end)

t.case("an aggregate of an expression is prepared once per distinct expression", function()
  local orders = scope().orders
  local before = #log.aggregates
  orders:sum(field("amount") - field("cost"))
  orders:sum(field("amount") - field("cost"))
  t.equal(#log.aggregates, before + 1, "found again")
  t.same(log.aggregates[before + 1].measure, { expression = "-F6:amountF4:cost" })
  orders:sum(field("amount") + field("cost"))
  t.equal(#log.aggregates, before + 2, "another expression, another aggregate")
  orders:sum(field("amount"))
  t.equal(log.aggregates[before + 3].measure, "amount", "a bare field is the field's name")
  orders:sum("amount")
  t.equal(#log.aggregates, before + 3, "the same aggregate as sum(\"amount\")")
end)

t.case("a where value of field() crosses as its code and keys its own view", function()
  local orders = scope().orders
  local a = orders:where{ amount = { ">", field("cost") } }
  local b = orders:where{ amount = { ">", field("cost") * 2 } }
  local c = orders:where{ amount = { ">", "F4:cost" } }
  t.truthy(not rawequal(a, b) and not rawequal(a, c) and not rawequal(b, c), "three views")
  t.truthy(rawequal(a, orders:where{ amount = { ">", field("cost") } }), "found again")
  local plans = #log.plans
  b:count()
  local values = log.plans[plans + 1].filters[1].values
  t.equal(#values, 1)
  t.same(values[1], { expression = "*F4:costn2;" })
end)

t.case("mistakes fail when the expression is built", function()
  t.fails(function() return field(3) end, "field(path) takes a field name or dotted path, like \"amount\"")
  t.fails(function() return field(".a") end, "field(\".a\"): not a field name or dotted path")
  t.fails(function() return field("a") + {} end,
    "field arithmetic takes numbers, decimals, days()/hours() and field(…), not a table")
  t.fails(function() return field("a") + 0 / 0 end, "field arithmetic takes finite numbers")
  t.fails(function() return field("a") // 2 end, "field arithmetic takes + - * /")
  t.fails(function() return field("a") .. "x" end, "field(…) is not text; use tostring(…)")
  t.fails(function() return field("a").x end,
    "field(…) has no fields; use it in where{…} or as an aggregate's measure")
  t.fails(function() scope().orders:where{ a = { "in", { field("b") } } } end,
    "an in list takes values; compare with field(…) using =, ~=, <, <=, > or >=")
  local e = field("a")
  t.fails(function() for _ = 1, 40 do e = e + 1 end end, "a field expression may nest at most 32 levels")
end)

t.case("tables that only claim to be expressions, decimals or durations are refused", function()
  local forged = setmetatable({}, { __metatable = "yardstick.field" })
  t.fails(function() scope().orders:where{ a = { "<", forged } } end, "not a field(…) expression")
  t.fails(function() scope().orders:sum(forged) end, "not a field(…) expression")
  local decimal = setmetatable({ scaled = {} }, { __metatable = "yardstick.decimal" })
  t.fails(function() return field("a") + decimal end, "field arithmetic takes numbers")
  local duration = setmetatable({}, { __metatable = "yardstick.duration", __index = { unit = "weeks", from = 1 } })
  t.fails(function() return field("a") + duration end, "field arithmetic takes numbers")
end)

t.case("view keys are injective: a field named like another filter's code gets its own view", function()
  local orders = scope().orders
  local won = orders:where{ stage = "won" }
  t.truthy(not rawequal(won, orders:during("Fstage==:s3:won")), "during vs where")
  t.truthy(not rawequal(orders:during("Bx"), orders:before("x")), "during vs before")
  local chained = orders:where{ a = { "<", 1 } }:where{ b = 2 }
  t.truthy(not rawequal(chained, orders:where{ ["a=<:n1|Fb"] = 2 }), "one filter named like two")
  local odd = orders:where{ a = { "<:n", 1 } }
  t.truthy(not rawequal(orders:where{ a = { "<", 1 } }, odd), "an operator named like a code")
  t.truthy(rawequal(orders:during("ordered_at"), orders:during("ordered_at")), "found again")
end)
