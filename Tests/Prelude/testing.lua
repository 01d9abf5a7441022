-- A small assertion library for the prelude's Lua-side tests. PreludeLuaTests.swift runs it
-- after the prelude's own parts, with the same table of internals, then each *_test.lua
-- file. A failed assertion stops its case and is reported to Swift with the file and line
-- of the assertion; so is any other error a case raises.
local P = ...
local report = __host.testing
local pcall, error, type, tostring = pcall, error, type, tostring
local setmetatable, getmetatable = setmetatable, getmetatable
local format, concat = string.format, table.concat

local Failure = {}

-- The "file:line: " of the function `level` frames above the caller of `where`.
local function where(level)
  local _, location = pcall(error, "", level + 3)
  return location
end

local function fail(message, level)
  error(setmetatable({ message = where(level + 1) .. message }, Failure), 0)
end

local function show(v)
  if type(v) == "string" then return format("%q", v) end
  if type(v) == "table" and getmetatable(v) == nil then
    local items = {}
    for i = 1, #v do items[i] = show(v[i]) end
    return "{ " .. concat(items, ", ") .. " }"
  end
  return tostring(v)
end

local testing = {}

-- Runs one case: a name that says what behaviour it checks, and a function.
function testing.case(name, body)
  local ok, problem = pcall(body)
  if ok then
    report.passed(name)
  elseif getmetatable(problem) == Failure then
    report.failed(name, problem.message)
  else
    report.failed(name, tostring(problem))
  end
end

-- actual == expected (Lua equality, so value types compare by value).
function testing.equal(actual, expected, what)
  if actual ~= expected then
    fail((what and what .. ": " or "") .. "expected " .. show(expected) .. ", got " .. show(actual), 1)
  end
end

-- Two arrays with equal elements (for functions returning several values, wrap them in {}).
function testing.same(actual, expected, what)
  local equal = #actual == #expected
  for i = 1, #expected do
    if actual[i] ~= expected[i] then equal = false end
  end
  if not equal then
    fail((what and what .. ": " or "") .. "expected " .. show(expected) .. ", got " .. show(actual), 1)
  end
end

-- A true condition.
function testing.truthy(value, what)
  if not value then fail((what or "expected a true value") .. ", got " .. show(value), 1) end
end

-- body() raises an error whose message contains `text` (plain text, not a pattern).
function testing.fails(body, text)
  local ok, problem = pcall(body)
  if ok then fail("expected an error containing " .. show(text) .. ", but none was raised", 1) end
  local message = tostring(problem)
  if not message:find(text, 1, true) then
    fail("expected an error containing " .. show(text) .. ", got " .. show(message), 1)
  end
end

P.testing = testing
