-- luacheck (Debian: apt-get install lua-check) over the prelude, its Lua-side tests and the
-- examples' indicators; scripts/test.sh runs it when luacheck is installed.
std = "lua54"
max_line_length = 120

-- The trusted prelude and its tests see the host table (LuaVM.loadTrusted); the tests may put
-- fakes of the query functions in __host.query.
files["Sources/YardstickEngine/Prelude"] = { read_globals = { "__host" } }
files["Sources/YardstickScorecard/ModelPrelude"] = { read_globals = { "__host" } }
files["Tests/Prelude"] = {
  read_globals = { __host = { other_fields = true, fields = { query = { other_fields = true, read_only = false } } } },
}

-- Indicator scripts see the API's globals (docs/lua-api.md). `value(s, k)` is the documented
-- signature even where s or k is not used, and a description is prose on one line.
files["examples"] = {
  read_globals = { "indicator", "ratio", "missing", "is_missing", "days", "hours", "date", "cohort", "quantile_bins", "threshold_bins" },
  ignore = { "212/s", "212/k" },
  max_line_length = false,
}

-- Packs (docs/packs.md): the same globals, and param() for their parameters.
files["plugins"] = {
  read_globals = {
    "indicator", "ratio", "missing", "is_missing", "days", "hours", "date", "field", "cohort", "quantile_bins",
    "threshold_bins", "param",
  },
  ignore = { "212/s", "212/k" },
  max_line_length = false,
}

-- Scorecard model files (docs/model-file.md) see the model DSL's globals instead.
local model_globals = {
  "scorecard", "dimension", "kpi", "quota", "linear", "proportional", "steps", "threshold", "pass_fail",
  "rank", "percentile", "relative_to_mean", "relative_to_best",
}
files["examples/*/model.lua"] = { read_globals = model_globals, max_line_length = false }
files["examples/*/scorecards"] = { read_globals = model_globals, max_line_length = false }
-- Packs' default scorecards, and the fixtures that score them as a workspace's model.lua.
files["plugins/*/scorecards"] = { read_globals = model_globals, max_line_length = false }
files["plugins/*/tests/*/model.lua"] = { read_globals = model_globals, max_line_length = false }
