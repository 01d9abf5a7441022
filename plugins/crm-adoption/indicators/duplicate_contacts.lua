-- Duplicate contacts: the subject's contacts whose e-mail another contact also has.
return indicator {
  id = "duplicate_contacts",
  title = { en = "Duplicate contacts", zh = "重复联系人数" },
  description = "The subject's contacts whose email (as mapped: trimmed, case-sensitive) is also the email of another contact anywhere in the export; contacts without an email are left out; every record in the export counts, whatever its created_at (a state of the data, the same in every period); 0 when none.",
  unit = "count",
  better = "lower",
  per = "user",
  needs = { "contacts.owner", "contacts.email" },
  value = function(s)
    local shared = s.all.contacts:per("email", { records = "count" }):where{ records = { ">=", 2 } }
    return s.contacts:per("email", { mine = "count" }):intersect(shared):sum("mine")
  end,
}
