-- The model-file DSL (trusted; see docs/model-file.md and ModelPrelude.swift).
--
-- Every form only records what the model file wrote, tagged with `__model` and the line of
-- the model file that wrote it: the host (ModelFileReader) checks everything and reports
-- every problem at once, with file:line. Nothing here raises on a user's mistake, so one
-- mistake never hides the next.
local pcall, error, type, tonumber, tostring, setmetatable = pcall, error, type, tonumber, tostring, setmetatable
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

local function scorecard(body)
  return { __model = "scorecard", line = caller_line(), body = body }
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
  return setmetatable({ __model = "score", name = name }, Plain)
end

install("scorecard", scorecard)
install("dimension", node_form("dimension"))
install("kpi", node_form("kpi"))
install("quota", quota)
install("linear", scoring_form("linear"))
install("steps", scoring_form("steps"))
install("threshold", scoring_form("threshold"))
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
