-- Shared views of distribution's indicators (require "distribution").
local M = {}

-- The order statuses that do not count as an order (an order without a status counts).
M.uncounted_statuses = { "draft", "cancelled" }

-- The subject's store visits: activities of type visit_type with an account (the store), at
-- least min_visit_minutes long when that parameter is above 0.
function M.visits(s)
  local visits = s.activities:where{ type = param("visit_type"), account = { "not nil" } }
  local minutes = param("min_visit_minutes")
  if minutes > 0 then visits = visits:where{ duration_seconds = { ">=", minutes * 60 } } end
  return visits
end

-- The fields the visit indicators read (duration_seconds only when min_visit_minutes is above 0).
function M.visit_needs(extra)
  local needs = { "activities.type", "activities.account", "activities.occurred_at" }
  if param("min_visit_minutes") > 0 then needs[#needs + 1] = "activities.duration_seconds" end
  for _, need in ipairs(extra or {}) do needs[#needs + 1] = need end
  return needs
end

-- The fields the SKU indicators read (products.family only when assortment_family is set).
function M.line_needs()
  local needs = {
    "order_lines.order", "order_lines.product", "order_lines.account", "order_lines.ordered_at", "orders.status",
  }
  if param("assortment_family") ~= "" then needs[#needs + 1] = "products.family" end
  return needs
end

-- The number of working days (weekdays listed in working_weekdays) from first to last, both included.
function M.working_days(first, last)
  local length = last - first + 1
  local total = 0
  local seen = {}
  for _, weekday in ipairs(param("working_weekdays")) do
    if weekday ~= math.floor(weekday) or weekday < 1 or weekday > 7 then
      error("working_weekdays holds weekdays 1 (Monday) to 7 (Sunday), found " .. tostring(weekday))
    end
    if not seen[weekday] then
      seen[weekday] = true
      local offset = (weekday - first.weekday) % 7
      if offset < length then total = total + 1 + (length - 1 - offset) // 7 end
    end
  end
  return total
end

-- The subject's counted orders placed in the period.
function M.orders(s)
  return s.orders:during("ordered_at"):where{ status = { "not in", M.uncounted_statuses } }
end

-- The assortment's products (company-wide).
function M.assortment(s)
  local family = param("assortment_family")
  if family == "" then return s.all.products end
  return s.all.products:where{ family = family }
end

-- The subject's order lines of assortment products in the SKU window, on counted orders.
function M.window_lines(s)
  local finish = s.period.finish
  local lines = s.order_lines:where{
    ordered_at = { "between", finish - (param("sku_window_days") - 1), finish },
    ["order.status"] = { "not in", M.uncounted_statuses },
  }
  local family = param("assortment_family")
  if family == "" then return lines end
  return lines:where{ ["product.family"] = family }
end

-- The subject's receivables still open at the period's end: payments with a due date not
-- received by then, as two views (received_at empty, received_at after the period's end).
function M.open(s)
  local finish = s.period.finish
  local due = s.payments:where{ due_at = { "not nil" } }
  return { due:where{ received_at = { "is nil" } }, due:where{ received_at = { ">", finish } } }
end

-- The number of receivables open at the period's end.
function M.open_count(s)
  local parts = M.open(s)
  return parts[1]:count() + parts[2]:count()
end

-- The amount of the open receivables whose due_at satisfies `condition`.
function M.open_amount(s, condition)
  local parts = M.open(s)
  return parts[1]:where{ due_at = condition }:sum("amount") + parts[2]:where{ due_at = condition }:sum("amount")
end

-- The age buckets: three ascending whole day counts (as integers).
function M.buckets()
  local cuts = param("ageing_buckets")
  if #cuts ~= 3 then error("ageing_buckets must hold three day counts, found " .. #cuts) end
  for i, cut in ipairs(cuts) do
    if cut ~= math.floor(cut) or cut < 1 or (i > 1 and cut <= cuts[i - 1]) then
      local shown = {}
      for j, value in ipairs(cuts) do shown[j] = string.format("%g", value) end
      error("ageing_buckets must hold three ascending whole day counts of at least 1, found " .. table.concat(shown, ", "))
    end
  end
  return { math.floor(cuts[1]), math.floor(cuts[2]), math.floor(cuts[3]) }
end

-- The amount overdue by `low` to `high` days at the period's end (high nil: over low - 1 days).
function M.overdue_between(s, low, high)
  local finish = s.period.finish
  if high == nil then return M.open_amount(s, { "<=", finish - low }) end
  return M.open_amount(s, { "between", finish - high, finish - low })
end

-- The declaration of overdue_bucket_N (N = 1 … #buckets + 1): receivables overdue on the
-- period's last day by the days of bucket N of ageing_buckets, titled by its span.
function M.overdue_bucket(n)
  local cuts = M.buckets()
  local low = n == 1 and 1 or cuts[n - 1] + 1
  local high = cuts[n]
  local span = high and (low .. "–" .. high) or ("over " .. (low - 1))
  local span_zh = high and (low .. "–" .. high .. " 天") or ((low - 1) .. " 天以上")
  local range = n == 1 and "1 to ageing_buckets[1] days"
    or high and ("ageing_buckets[" .. (n - 1) .. "] + 1 to ageing_buckets[" .. n .. "] days")
    or ("ageing_buckets[" .. (n - 1) .. "] + 1 days or more")
  return {
    id = "overdue_bucket_" .. n,
    title = { en = "Overdue " .. span .. " days (bucket " .. n .. ")", zh = "逾期 " .. span_zh .. "（账龄段 " .. n .. "）" },
    description = "Sum of amount over payments not received by the period's last day (received_at empty or later) "
      .. "that are overdue on that day by " .. range .. " (days overdue = the period's last day - due_at); 0 when none.",
    unit = "money",
    better = "lower",
    per = "user",
    needs = { "payments.amount", "payments.due_at", "payments.received_at" },
    value = function(s) return M.overdue_between(s, low, high) end,
  }
end

return M
