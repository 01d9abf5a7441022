-- Duplicate accounts: the subject's accounts whose name another account also has.
return indicator {
  id = "duplicate_accounts",
  title = { en = "Duplicate accounts", zh = "重复客户数" },
  description = "The subject's accounts whose name (as mapped: trimmed, case-sensitive) is also the name of another account anywhere in the export; accounts without a name are left out; every record in the export counts, whatever its created_at (a state of the data, the same in every period); 0 when none.",
  unit = "count",
  better = "lower",
  per = "user",
  needs = { "accounts.owner", "accounts.name" },
  value = function(s)
    local shared = s.all.accounts:per("name", { records = "count" }):where{ records = { ">=", 2 } }
    return s.accounts:per("name", { mine = "count" }):intersect(shared):sum("mine")
  end,
}
