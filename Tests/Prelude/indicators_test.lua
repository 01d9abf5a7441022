-- Indicators: declarations, k(id) between indicators, the scope's read-only records and the
-- runner's flat results (indicators.lua, scopes.lua), without any query.
local P = ...
local t = P.testing
local runner, indicator, decimal_of, missing, date = P.runner, P.indicator, P.decimal_of, P.missing, P.date

local subject = { id = "ana", name = "Ana", kind = "user" }
local period = { start = date(2026, 1, 1), finish = date(2026, 1, 31), label = "2026-01", days = 31 }

t.case("indicator{} checks the table, the id and the value function", function()
  local declaration = { id = "win_rate", value = function() end }
  t.truthy(rawequal(indicator(declaration), declaration), "the declaration is returned as is")
  t.fails(function() indicator("x") end, "indicator{...} takes a table")
  t.fails(function() indicator({ id = "9lives", value = print }) end, "id must be a name like \"win_rate\"")
  t.fails(function() indicator({ id = "a b", value = print }) end, "id must be a name like")
  t.fails(function() indicator({ id = "x" }) end, "indicator \"x\": value must be a function")
  t.truthy(indicator({ id = "pack.win-rate_2", value = print }), "dots, dashes and digits after the first letter")
end)

t.case("k(id) evaluates another indicator once per subject and period", function()
  local calls = 0
  runner.register("base", function() calls = calls + 1 return 21 end)
  runner.register("double", function(_, k) return k("base") + k("base") end)
  runner.focus(subject, period)
  t.equal(runner.run("double"), 42)
  t.equal(runner.run("base"), 21)
  t.equal(calls, 1, "memoised within one focus")
  runner.focus(subject, period)
  t.equal(runner.run("double"), 42)
  t.equal(calls, 2, "a new focus starts afresh")
end)

t.case("a cycle between indicators names every indicator in it", function()
  runner.register("a", function(_, k) return k("b") end)
  runner.register("b", function(_, k) return k("a") end)
  runner.focus(subject, period)
  t.fails(function() runner.run("a") end, "indicators depend on each other in a cycle: a, b → a")
end)

t.case("k reports unknown ids and values it cannot pass on", function()
  runner.register("asks_unknown", function(_, k) return k("nope") end)
  runner.register("a_table", function() return {} end)
  runner.register("reads_table", function(_, k) return k("a_table") end)
  runner.register("bad_id", function(_, k) return k(5) end)
  runner.focus(subject, period)
  t.fails(function() runner.run("asks_unknown") end, "unknown indicator \"nope\"")
  t.fails(function() runner.run("reads_table") end, "k(\"a_table\"): the indicator returned a table")
  t.fails(function() runner.run("bad_id") end, "k(id) takes an indicator id")
end)

t.case("k hands out copies, so one indicator cannot change another's value", function()
  runner.register("price", function() return decimal_of(15000) end)
  runner.register("meddler", function(_, k)
    local mine = k("price")
    mine.scaled = 1
    return k("price")
  end)
  runner.focus(subject, period)
  t.equal(runner.run("meddler"), decimal_of(15000))
  t.equal(runner.run("price"), decimal_of(15000))
end)

t.case("the scope, its subject and its period are read-only; dates are fresh on each read", function()
  local seen = {}
  runner.register("reader", function(s)
    seen.id, seen.label = s.subject.id, s.period.label
    seen.first, seen.again = s.period.start, s.period.start
    local copy = {}
    for key, value in pairs(s.period) do copy[key] = value end
    seen.copy = copy
    t.fails(function() s.subject.id = "bob" end, "subjects are read-only")
    t.fails(function() s.period.label = "x" end, "periods are read-only")
    t.fails(function() s.extra = 1 end, "scopes are read-only")
    return 1
  end)
  runner.focus(subject, period)
  t.equal(runner.run("reader"), 1)
  t.equal(seen.id, "ana")
  t.equal(seen.label, "2026-01")
  t.equal(seen.first, date(2026, 1, 1))
  t.truthy(not rawequal(seen.first, seen.again), "each read is a new date")
  t.equal(seen.copy.finish, date(2026, 1, 31))
  t.truthy(not rawequal(seen.copy.start, period.start), "pairs gives copies too")
end)

t.case("the runner's task gives kind letters and plain payloads", function()
  runner.register("n", function() return 3 end)
  runner.register("d", function() return decimal_of(25000) end)
  runner.register("m", function() return missing("no rows") end)
  runner.register("f", function() error("boom", 0) end)
  runner.order({ "n", "d", "m", "f" })
  local kinds, n, d, m, f = runner.task(subject, period)
  t.equal(kinds, "ndmf")
  t.same({ n, d, m, f }, { 3, 25000, "no rows", "boom" })
end)
