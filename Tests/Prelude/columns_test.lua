-- Column runs: one value per subject, arithmetic and ratio element by element with the
-- scalar rules, anything else leaves column mode (columns.lua).
local P = ...
local t = P.testing
local Column, run, decimal_of, missing, ratio = P.Column, P.column_run, P.decimal_of, P.missing, P.ratio

local function column(values) return setmetatable({ values = values }, Column) end
local function values(c) return rawget(c, "values") end

-- Runs body inside a column run of `size` subjects, always leaving it afterwards.
local function in_column_run(size, body)
  run.active, run.size = true, size
  local ok, problem = pcall(body)
  run.active, run.size = false, 0
  if not ok then error(problem, 0) end
end

-- The error a use that needs per-subject evaluation raises.
local function aborts(body)
  local ok, problem = pcall(body)
  t.equal(ok, false, "expected column mode to stop")
  t.equal(tostring(problem), "needs per-subject evaluation")
end

t.case("arithmetic works element by element, with scalars on either side", function()
  in_column_run(3, function()
    local c = column({ 1, 2, 3 })
    t.same(values(c + 1), { 2, 3, 4 })
    t.same(values(10 - c), { 9, 8, 7 })
    t.same(values(c * c), { 1, 4, 9 })
    t.same(values(-c), { -1, -2, -3 })
    t.same(values(c // 2), { 0, 1, 1 })
    local money = decimal_of(10000) + c
    t.same({ tostring(values(money)[1]), tostring(values(money)[3]) }, { "2", "4" }, "a decimal joins exactly")
  end)
end)

t.case("missing values and division by zero follow the scalar rules", function()
  in_column_run(3, function()
    local gap = missing("no rows")
    local sums = values(column({ 1, gap, 3 }) + 1)
    t.equal(sums[1], 2)
    t.truthy(rawequal(sums[2], gap), "a missing element stays missing")
    local ratios = values(ratio(column({ 1, 2, 0 }), column({ 2, 0, 4 })))
    t.same({ ratios[1], ratios[3] }, { 0.5, 0.0 })
    t.equal(ratios[2].reason, "division by zero")
  end)
end)

t.case("any other use of a column leaves column mode", function()
  in_column_run(2, function()
    local c = column({ 1, 2 })
    aborts(function() return c < 1 end)
    aborts(function() return #c end)
    aborts(function() return tostring(c) end)
    aborts(function() return c.total end)
    aborts(function() return c .. "x" end)
    aborts(function() c.x = 1 end)
  end)
end)

t.case("host columns cross into Lua only when an operation needs their values", function()
  local q = __host.query
  local asked = 0
  q.column = function(aggregate, slot)
    asked = asked + 1
    t.same({ aggregate, slot }, { 7, 1 })
    return "ndm", { 4, 25000, "no rows" }
  end
  q.column_ratio = function(a, a_slot, b, b_slot)
    t.same({ a, a_slot, b, b_slot }, { 7, 1, 8, 0 })
    return 9
  end
  local offered = {}
  q.column_arith = function(...)
    offered[#offered + 1] = { ... }
    return nil -- declined: the column is computed here
  end
  in_column_run(3, function()
    local handle = setmetatable({ aggregate = 7, slot = 1 }, Column)
    local other = setmetatable({ aggregate = 8, slot = 0 }, Column)
    local divided = ratio(handle, other)
    t.same({ rawget(divided, "aggregate"), rawget(divided, "slot") }, { 9, 0 }, "divided in the host")
    t.equal(asked, 0)
    local elements = values(handle * 2)
    t.equal(asked, 1)
    t.equal(elements[1], 8)
    t.equal(tostring(elements[2]), "5", "d: a decimal, scaled")
    t.equal(elements[3].reason, "no rows", "m: missing, with its reason")
    t.equal(values(handle + 1)[1], 5)
    t.equal(asked, 1, "the values are kept once read")
    t.same(offered[1], { "multiply", "c", 7, 1, "n", 2, 0 }, "offered to the host first")
  end)
  in_column_run(2, function()
    aborts(function() return setmetatable({ aggregate = 7, slot = 1 }, Column) + 1 end)
  end)
end)

t.case("arithmetic on host columns stays in the host when it has a rule", function()
  local q = __host.query
  local offered = {}
  local crossed = 0
  q.column = function()
    crossed = crossed + 1
    return "nnn", { 1, 1, 1 }
  end
  q.column_arith = function(...)
    offered[#offered + 1] = { ... }
    return -(#offered)
  end
  in_column_run(3, function()
    local handle = setmetatable({ aggregate = 7, slot = 1 }, Column)
    local days = P.date_of(10000) - handle
    t.same({ rawget(days, "aggregate"), rawget(days, "slot") }, { -1, 0 }, "kept in the host")
    local weeks = days / 7
    t.same({ rawget(weeks, "aggregate"), rawget(weeks, "slot") }, { -2, 0 })
    local money = decimal_of(12500) * handle
    t.same(offered[1], { "subtract", "t", 10000, 0, "c", 7, 1 }, "a date constant by its day number")
    t.same(offered[2], { "divide", "c", -1, 0, "n", 7, 0 }, "a derived column by its id")
    t.same(offered[3], { "multiply", "d", 12500, 0, "c", 7, 1 }, "a decimal constant by its scaled value")
    t.equal(#offered, 3)
    t.truthy(rawget(money, "aggregate") == -3)
    t.equal(crossed, 0, "no values crossed into Lua")
    -- A column already in Lua is never offered: the host column's values cross instead.
    t.same(values(column({ 1, 2, 3 }) + handle), { 2, 3, 4 })
    t.equal(#offered, 3)
    t.equal(crossed, 1)
  end)
end)

t.case("outside a column run nothing is a column", function()
  t.truthy(not P.is_column(column({ 1 })), "is_column is false")
  t.equal(ratio(1, 2), 0.5)
end)
