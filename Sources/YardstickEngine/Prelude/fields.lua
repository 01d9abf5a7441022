-- Field expressions: field(path) names a field of the row being filtered or aggregated;
-- + - * / with numbers, decimals, durations and other field expressions build arithmetic
-- measures (field("amount") - field("cost")). An expression is a read-only handle; what it
-- stands for is kept here, by handle: its code (prefix notation, names length-prefixed, so
-- two different expressions never share a code), which is the cache key of every view and
-- aggregate that uses it and what the host parses (MeasureCode.swift).
local P = ...
local setmetatable, type, error, tostring, rawget = setmetatable, type, error, tostring, rawget
local math_type, format, find = math.type, string.format, string.find
local kind, is_column, abort = P.kind, P.is_column, P.abort

-- Bounds on one expression: the host evaluates it once per entity, but a script building
-- a huge or deeply nested one (in a loop) must fail at its line, not exhaust the host.
local MAX_DEPTH, MAX_TERMS, MAX_PATH = 32, 256, 256

local Field = { __metatable = "yardstick.field" }
local expressions = setmetatable({}, { __mode = "k" })

local function make(code, depth, terms, text, path)
  local handle = setmetatable({}, Field)
  expressions[handle] = { code = code, depth = depth, terms = terms, text = text, path = path }
  return handle
end

local function field(path)
  if type(path) ~= "string" then error("field(path) takes a field name or dotted path, like \"amount\"", 2) end
  if #path == 0 or #path > MAX_PATH or find(path, "^%.") or find(path, "%.$") or find(path, "%.%.") then
    error("field(\"" .. path:sub(1, 64) .. "\"): not a field name or dotted path", 2)
  end
  return make("F" .. #path .. ":" .. path, 1, 1, format("field(%q)", path), path)
end

-- One operand of an arithmetic operator: code, depth, terms and text.
local function term(v)
  local e = expressions[v]
  if e then return e.code, e.depth, e.terms, e.text end
  local k = kind(v)
  if k == "number" then
    if v ~= v or v == 1 / 0 or v == -1 / 0 then error("field arithmetic takes finite numbers", 3) end
    if math_type(v) == "integer" then return "n" .. v .. ";", 1, 1, tostring(v) end
    return "f" .. format("%a", v) .. ";", 1, 1, tostring(v)
  end
  -- Value types are read back with care: a script can make a table that claims any kind.
  if k == "decimal" and math_type(rawget(v, "scaled")) == "integer" then
    return "m" .. v.scaled .. ";", 1, 1, tostring(v)
  end
  if k == "duration" then
    local from, to, unit = v.from, v.to, v.unit
    if type(from) == "string" and type(to) == "string" and (unit == "days" or unit == "hours") then
      return "D" .. unit:sub(1, 1) .. #from .. ":" .. from .. #to .. ":" .. to, 1, 1,
        format("%s(%q, %q)", unit, from, to)
    end
  end
  if is_column(v) then abort() end
  if k == "missing" then error("field arithmetic cannot use a missing value (" .. v.reason .. ")", 3) end
  error("field arithmetic takes numbers, decimals, days()/hours() and field(…), not a " .. k, 3)
end

local function operator(symbol)
  return function(a, b)
    local ca, da, ta, xa = term(a)
    local cb, db, tb, xb = term(b)
    local depth, terms = (da > db and da or db) + 1, ta + tb + 1
    if depth > MAX_DEPTH then error("a field expression may nest at most " .. MAX_DEPTH .. " levels", 2) end
    if terms > MAX_TERMS then error("a field expression may have at most " .. MAX_TERMS .. " terms", 2) end
    return make(symbol .. ca .. cb, depth, terms, "(" .. xa .. " " .. symbol .. " " .. xb .. ")")
  end
end
Field.__add, Field.__sub = operator("+"), operator("-")
Field.__mul, Field.__div = operator("*"), operator("/")
local subtract = Field.__sub
Field.__unm = function(a) return subtract(0, a) end
local function refuse(message) return function() error(message, 2) end end
Field.__lt = refuse("field(…) cannot be compared in Lua; compare in where: where{ a = {\"<\", field(\"b\")} }")
Field.__le = Field.__lt
Field.__idiv = refuse("field arithmetic takes + - * /")
Field.__mod, Field.__pow = Field.__idiv, Field.__idiv
Field.__concat = refuse("field(…) is not text; use tostring(…)")
Field.__len, Field.__call = refuse("field(…) has no length"), refuse("field(…) is not a function")
Field.__index = refuse("field(…) has no fields; use it in where{…} or as an aggregate's measure")
Field.__newindex = refuse("field expressions are read-only")
Field.__readonly = "field expressions are read-only"
Field.__tostring = function(v)
  local e = expressions[v]
  return e and e.text or "field(?)"
end

-- The expression behind a handle; a table that only claims to be one is an error.
local function expression_of(v)
  local e = expressions[v]
  if not e then error("not a field(…) expression", 4) end
  return e
end
-- The code of an expression (for view keys and the host).
local function field_code(v) return expression_of(v).code end
-- The measure an aggregate passes to the host: a plain field as its name (the same
-- aggregate as sum("amount")), arithmetic as a table with its code, made once per code so
-- that the aggregate caches find it again.
local measures = {}
local function field_measure(v)
  local e = expression_of(v)
  if e.path then return e.path end
  local made = measures[e.code]
  if not made then
    made = { expression = e.code }
    measures[e.code] = made
  end
  return made
end

P.field, P.field_code, P.field_measure = field, field_code, field_measure
