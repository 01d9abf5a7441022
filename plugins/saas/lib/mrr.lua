-- Shared views of saas's indicators (require "mrr"): a subscription's monthly value and the
-- accounts' MRR on a day, as views and key views that the host computes.
local M = {}

local function source()
  local chosen = param("mrr_source")
  if chosen ~= "mrr" and chosen ~= "amount" then
    error("parameter mrr_source must be \"mrr\" or \"amount\", found \"" .. tostring(chosen) .. "\"")
  end
  return chosen
end

-- The fields the indicators read: the monthly value's, the account and the dates (the owner only
-- attributes rows to users, which the host checks when a user is evaluated).
function M.needs()
  local needs = { "subscriptions.account", "subscriptions.started_at", "subscriptions.ended_at" }
  if source() == "mrr" then
    needs[#needs + 1] = "subscriptions.mrr"
  else
    needs[#needs + 1] = "subscriptions.amount"
    needs[#needs + 1] = "subscriptions.billing_months"
  end
  return needs
end

-- The monthly value of a subscription row: the mrr field, or amount / billing_months.
function M.measure()
  if source() == "mrr" then return "mrr" end
  return field("amount") / field("billing_months")
end

-- The subject's subscriptions that bring revenue: an account and a positive monthly value.
local function paying(s)
  local view = s.subscriptions:where{ account = { "not nil" } }
  if source() == "mrr" then return view:where{ mrr = { ">", 0 } } end
  return view:where{ amount = { ">", 0 }, billing_months = { ">", 0 } }
end

-- The subscriptions running on `day` (started_at <= day < ended_at), as two views because a
-- condition cannot say "empty or later": those without an end, and those ending after `day`.
function M.running(s, day)
  local started = paying(s):where{ started_at = { "<=", day } }
  return { started:where{ ended_at = { "is nil" } }, started:where{ ended_at = { ">", day } } }
end

-- The MRR on `day`: the sum of the running subscriptions' monthly values.
function M.total(s, day)
  local parts = M.running(s, day)
  local measure = M.measure()
  return parts[1]:sum(measure) + parts[2]:sum(measure)
end

-- Per account, the MRR on `day` as two key views with the field `mrr` (an account's MRR is its
-- value in both added up).
function M.accounts(s, day)
  local parts = M.running(s, day)
  local columns = { mrr = { "sum", M.measure() } }
  return { parts[1]:per("account", columns), parts[2]:per("account", columns) }
end

-- The accounts paying on `day` (a key view of accounts).
function M.paying_accounts(s, day)
  local parts = M.accounts(s, day)
  return parts[1]:union(parts[2])
end

-- The accounts that paid on some day before the period: a subscription started before the
-- period's first day that ran at least one day (ended_at empty or after started_at).
function M.earlier_accounts(s)
  local before = paying(s):where{ started_at = { "<", s.period.start } }
  return before:where{ ended_at = { "is nil" } }:per("account")
    :union(before:where{ ended_at = { ">", field("started_at") } }:per("account"))
end

-- The reason a rate over the opening MRR is missing for a subject with none (nil when it has
-- some): the accounts paying on the opening day are counted, an integer that compares exactly.
function M.no_opening(s)
  if M.paying_accounts(s, M.opening_day(s)):count() == 0 then
    return missing("no MRR on the day before the period (no paying account)")
  end
  return nil
end

-- The sum of the MRR of `parts` (from M.accounts) over the accounts that `keep` selects:
-- keep(key_view) returns the key view restricted as wanted.
function M.sum_over(parts, keep)
  return keep(parts[1]):sum("mrr") + keep(parts[2]):sum("mrr")
end

-- The day before the period (whose MRR opens it) and the period's last day (whose MRR closes it).
function M.opening_day(s) return s.period.start - 1 end
function M.closing_day(s) return s.period.finish end

-- Per account, the MRR on `day` as a Lua table account -> value. Only expansion_mrr uses it:
-- comparing an account's MRR on two days needs the two days' values side by side, which key
-- views cannot put in one row (README.md, "Where the API stops").
function M.by_account(s, day)
  local parts = M.running(s, day)
  local measure = M.measure()
  local values = parts[1]:group_by("account"):sum(measure)
  for account, value in pairs(parts[2]:group_by("account"):sum(measure)) do
    values[account] = (values[account] or 0) + value
  end
  return values
end

return M
