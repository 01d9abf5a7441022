-- Peer bins: `value = quantile_bins(id, n, { better = … })` or
-- `value = threshold_bins(id, { t1, t2, … }, { better = … })`. Lua only declares them: the
-- host bins the base indicator's values of all the subjects of a grain and period once they
-- are known (PeerBins.swift), and the value function below hands out the bin of the subject
-- in focus. An indicator that reads a bin with k(id) before the bins are known fails with
-- PENDING, which the host recognises: it evaluates that indicator again once they are.
local P = ...
local q = __host.query
local type, error, ipairs, setmetatable, getmetatable = type, error, ipairs, setmetatable, getmetatable
local math_type, tostring = math.type, tostring
local to_number, missing, kind = P.to_number, P.missing, P.kind
local column_run, host_column = P.column_run, P.host_column

local PeerBins = { __metatable = "yardstick.peer_bins" }
-- Keep in step with PeerBinValues.pendingMarker.
local PENDING = "peer bins pending: "

local function better_of(name, options)
  if options == nil then return "higher" end
  if type(options) ~= "table" then error(name .. ": options are a table like { better = \"lower\" }", 3) end
  local better = options.better
  if better == nil then return "higher" end
  if better ~= "higher" and better ~= "lower" then
    error(name .. ": better must be \"higher\" or \"lower\"", 3)
  end
  return better
end

local function check_id(name, id)
  if type(id) ~= "string" or id == "" then
    error(name .. ": the first argument is the id of the indicator to bin", 3)
  end
end

local function quantile_bins(indicator_id, n, options)
  check_id("quantile_bins", indicator_id)
  if math_type(n) ~= "integer" or n < 2 or n > 100 then
    error("quantile_bins: the number of bins must be a whole number from 2 to 100", 2)
  end
  local better = better_of("quantile_bins", options)
  return setmetatable({ method = "quantiles", base = indicator_id, n = n, better = better }, PeerBins)
end

local function threshold_bins(indicator_id, thresholds, options)
  check_id("threshold_bins", indicator_id)
  if type(thresholds) ~= "table" or #thresholds == 0 then
    error("threshold_bins: the thresholds are a list of numbers, such as { 10, 50, 100 }", 2)
  end
  local list = {}
  for i, t in ipairs(thresholds) do
    local k = kind(t)
    if k ~= "number" and k ~= "decimal" then
      error("threshold_bins: threshold " .. i .. " is a " .. k .. ", not a number", 2)
    end
    list[i] = to_number(t)
    if i > 1 and list[i] <= list[i - 1] then
      error("threshold_bins: the thresholds must be strictly ascending (" .. tostring(list[i - 1]) .. " then "
        .. tostring(list[i]) .. ")", 2)
    end
  end
  return setmetatable({ method = "thresholds", base = indicator_id, n = #list + 1, thresholds = list,
    better = better_of("threshold_bins", options) }, PeerBins)
end

local function is_peer_bins(v) return getmetatable(v) == "yardstick.peer_bins" end

-- The declaration as the host reads it (a plain table), and the value function of the
-- indicator `id`: the bin the host computed for the subject in focus.
local function peer_bins_parts(id, bins)
  local declared = { method = bins.method, base = bins.base, n = bins.n, better = bins.better }
  if bins.thresholds then
    declared.thresholds = {}
    for i, t in ipairs(bins.thresholds) do declared.thresholds[i] = t end
  end
  local function value()
    if column_run.active then
      -- A column run: every subject's bin at once.
      local column, refused = q.peer_bin_column(id)
      if column == nil then error(refused or (PENDING .. id), 0) end
      return host_column(column)
    end
    local bin, reason = q.peer_bin(id)
    if bin == nil then error(reason or (PENDING .. id), 0) end
    if bin == false then return missing(reason) end
    return bin
  end
  return declared, value
end

P.quantile_bins, P.threshold_bins = quantile_bins, threshold_bins
P.PENDING = PENDING
P.is_peer_bins, P.peer_bins_parts = is_peer_bins, peer_bins_parts
