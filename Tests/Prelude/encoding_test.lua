-- Filter operands as cache-key codes and the copies a filter keeps (views.lua), and the
-- prelude locations removed from API errors (errors.lua).
local P = ...
local t = P.testing
local encode, operand, decimal_of, date = P.encode, P.operand, P.decimal_of, P.date

t.case("each operand kind has its own code letter", function()
  t.equal(encode(date(1970, 1, 11)), "d10")
  t.equal(encode(decimal_of(12345)), "m12345")
  t.equal(encode(42), "n42")
  t.equal(encode(-7), "n-7")
  t.equal(encode(true), "btrue")
  t.equal(encode(false), "bfalse")
end)

t.case("text codes carry the byte length, so separators in text cannot clash", function()
  t.equal(encode("won"), "s3:won")
  t.equal(encode("a,b|c"), "s5:a,b|c")
  t.equal(encode(""), "s0:")
  t.equal(encode("é"), "s2:é", "bytes, not characters")
end)

t.case("floats are written exactly, distinct from integers", function()
  t.equal(encode(0.5), "f0x1p-1")
  t.truthy(encode(1.0) ~= encode(1), "1.0 and 1 have different codes")
  t.truthy(encode(0.1) ~= encode(0.1 + 2 ^ -56), "neighbouring floats differ")
end)

t.case("only scalar operands can be encoded", function()
  t.fails(function() encode({}) end, "cannot filter on a table")
  t.fails(function() encode(P.missing("x")) end, "cannot filter on a missing")
end)

t.case("operands copy value types and keep everything else", function()
  local d = date(2026, 1, 1)
  local kept = operand(d)
  t.equal(kept, d)
  t.truthy(not rawequal(kept, d), "a date is copied")
  local m = decimal_of(5)
  t.truthy(not rawequal(operand(m), m), "a decimal is copied")
  t.equal(operand("x"), "x")
  t.equal(operand(3), 3)
end)

t.case("clean removes a prelude location and nothing else", function()
  local clean = P.clean
  t.equal(clean("yardstick/prelude/views.lua:120: where{...} takes a table"), "where{...} takes a table")
  t.equal(clean("yardstick/prelude/aggregates.lua:7: boom"), "boom")
  t.equal(clean("indicators/win_rate.lua:3: boom"), "indicators/win_rate.lua:3: boom")
  t.equal(clean("yardstick/prelude.lua:3: old name"), "yardstick/prelude.lua:3: old name")
  local problem = {}
  t.truthy(rawequal(clean(problem), problem), "non-strings pass through")
end)
