-- Overdue receivables in age bucket 1 of ageing_buckets (lib/distribution.lua, overdue_bucket).
local distribution = require "distribution"

return indicator(distribution.overdue_bucket(1))
