-- The model-file DSL (trusted; see docs/model-file.md and ModelPrelude.swift).
--
-- Every form only records what the model file wrote, tagged with `__model` and the line of
-- the model file that wrote it: the host (ModelFileReader) checks everything and reports
-- every problem at once, with file:line. Nothing here raises on a user's mistake, so one
-- mistake never hides the next.
local pcall, error, type, tonumber, tostring, setmetatable = pcall, error, type, tonumber, tostring, setmetatable
local next, rawset = next, rawset
local install, host_quota = __host.install, __host.model_quota

-- The line of the model file that called the form calling this: `error` at a level reports
-- the place of that stack frame (level 1 is pcall, 2 this function, 3 the form, 4 its
-- caller). nil when the caller's frame is gone (a tail call: `return scorecard { … }`).
local function caller_line(level)
  local _, where = pcall(error, "", level or 4)
  if type(where) ~= "string" then return nil end
  return tonumber(where:match(":(%d+): $"))
end

-- `dimension "id" { … }` and `kpi "id" { … }`: the id first, then the body.
local function node_form(kind)
  return function(id)
    local line = caller_line()
    if type(id) == "table" then
      -- `kpi { … }` without an id: kept, so the host says what is missing.
      return { __model = kind, line = line, body = id, no_id = true }
    end
    return function(body)
      return { __model = kind, id = id, line = line, body = body }
    end
  end
end

-- The DSL's own values and forms, by identity: `resolve` recognises them wherever a model
-- file put them, whatever the file did to the shared tables since.
local plain_names, form_names = {}, {}

-- Replaces, in place through the scorecard's body, each scoring value (`rank`) by a fresh
-- tagged table and each form given without its arguments (`score = linear`) by a marker the
-- host reports. Cycles are left for the host, which refuses them.
local function resolve(value, seen)
  local kind = type(value)
  if kind == "function" then
    local name = form_names[value]
    if name then return { __model = "uncalled", name = name } end
    return value
  end
  if kind ~= "table" then return value end
  local name = plain_names[value]
  if name then return { __model = "score", name = name } end
  if seen[value] then return value end
  seen[value] = true
  for key, item in next, value do
    local resolved = resolve(item, seen)
    if resolved ~= item then rawset(value, key, resolved) end
  end
  return value
end

local function scorecard(body)
  local line = caller_line()
  if type(body) == "table" then resolve(body, {}) end
  return { __model = "scorecard", line = line, body = body }
end

local function quota(arguments)
  return { __model = "quota", line = caller_line(), arguments = arguments }
end

-- Scoring functions with parameters: `linear { zero = 0.5, full = 1 }`.
local function scoring_form(name)
  return function(arguments)
    return { __model = "score", name = name, line = caller_line(), arguments = arguments }
  end
end

-- Scoring functions without parameters are values (`score = rank`); calling one (`rank()`)
-- gives the same value.
local Plain = { __call = function(self) return self end }
local function plain(name)
  local value = setmetatable({ __model = "score", name = name }, Plain)
  plain_names[value] = name
  return value
end

local function form(name, fn)
  form_names[fn] = name
  return fn
end

install("scorecard", form("scorecard", scorecard))
install("dimension", form("dimension", node_form("dimension")))
install("kpi", form("kpi", node_form("kpi")))
install("quota", form("quota", quota))
install("linear", form("linear", scoring_form("linear")))
install("steps", form("steps", scoring_form("steps")))
install("threshold", form("threshold", scoring_form("threshold")))
install("proportional", plain("proportional"))
install("pass_fail", plain("pass_fail"))
install("rank", plain("rank"))
install("percentile", plain("percentile"))
install("relative_to_mean", plain("relative_to_mean"))
install("relative_to_best", plain("relative_to_best"))

-- What the host hands a target function as `t.quota`: the subject's quota for a metric and
-- tier in the scored period (the host answers from the call's context), or nil.
local tiers = { target = true, stretch = true, challenge = true }
local function quota_of(metric, tier)
  if type(metric) ~= "string" then error("t.quota(metric, tier): metric must be a string", 2) end
  if tier ~= nil and not tiers[tier] then
    error("t.quota: unknown tier \"" .. tostring(tier) .. "\" (tiers: target, stretch, challenge)", 2)
  end
  return host_quota(metric, tier or "target")
end

return { quota = quota_of }
