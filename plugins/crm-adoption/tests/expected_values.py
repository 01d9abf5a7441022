#!/usr/bin/env python3
"""Recomputes crm-adoption's expected values from the fixture CSVs, independently of Yardstick.

Plain Python (no Yardstick code): reads tests/*/data/*.csv and the fixture's parameters from
its yardstick.toml, applies each indicator's definition as README.md states it, and compares
with tests/*/expected.csv. Exit 1 on any difference.

    python3 plugins/crm-adoption/tests/expected_values.py
"""
import csv
import datetime as dt
import os
import sys
import tomllib
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULTS = {
    "working_weekdays": [1, 2, 3, 4, 5],
    "active_min_activities": 1,
    "account_fields": "name,industry,region,segment",
    "contact_fields": "name,account,email,phone",
    "opportunity_fields": "account,amount,expected_close",
    "timely_hours": 24,
    "stale_days": 30,
}


def day(text):
    return dt.date.fromisoformat(text) if text else None


def instant(text):
    return dt.datetime.fromisoformat(text) if text else None


def month_bounds(label):
    """A month (2026-07) or a quarter (2026-Q3): its first and last day."""
    year, part = label.split("-")
    year = int(year)
    first, months = (3 * int(part[1]) - 2, 3) if part.startswith("Q") else (int(part), 1)
    start = dt.date(year, first, 1)
    after = first + months
    end = dt.date(year + (after - 1) // 12, (after - 1) % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


# Fixtures whose data is a real export under its own column names: per entity, the file and the
# vocabulary field of each column used (as the fixture's yardstick.toml maps them).
EXPORTS = {
    "maven-team": {
        "users": ("sales_teams.csv", {"id": "sales_agent", "team": "manager"}),
        "accounts": ("accounts.csv", {"id": "account", "name": "account", "industry": "sector",
                                      "country": "office_location"}),
        "opportunities": ("sales_pipeline.csv", {
            "id": "opportunity_id", "owner": "sales_agent", "account": "account",
            "created_at": "engage_date", "closed_at": "close_date", "amount": "close_value"}),
    },
}


def rows(fixture, entity):
    export = EXPORTS.get(fixture)
    if export is not None:
        if entity not in export:
            return []
        file, columns = export[entity]
        with open(os.path.join(HERE, fixture, "data", file)) as f:
            return [{field: (row[column].strip() or None) for field, column in columns.items()}
                    for row in csv.DictReader(f)]
    path = os.path.join(HERE, fixture, "data", entity + ".csv")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [{k: (v.strip() or None) for k, v in row.items()} for row in csv.DictReader(f)]


def parameters(fixture):
    with open(os.path.join(HERE, fixture, "yardstick.toml"), "rb") as f:
        workspace = tomllib.load(f)
    chosen = dict(DEFAULTS)
    chosen.update(workspace.get("packs", {}).get("crm-adoption", {}).get("parameters", {}))
    return chosen


def fields(text):
    return [name for name in text.replace(",", " ").split()]


class Fixture:
    def __init__(self, name):
        self.params = parameters(name)
        self.users = rows(name, "users")
        self.teams = rows(name, "teams")
        self.activities = rows(name, "activities")
        self.accounts = rows(name, "accounts")
        self.contacts = rows(name, "contacts")
        self.deals = rows(name, "opportunities")
        for a in self.activities:
            a["occurred_at"] = instant(a["occurred_at"])
            a["logged_at"] = instant(a.get("logged_at"))
        for u in self.users:
            u["hire_date"] = day(u.get("hire_date"))
            u["leave_date"] = day(u.get("leave_date"))
        for table in (self.accounts, self.contacts, self.deals):
            for r in table:
                r["created_at"] = day(r.get("created_at"))
        for d in self.deals:
            d["closed_at"] = day(d.get("closed_at"))

    def members(self, grain, subject):
        if grain == "user":
            return {subject}
        if grain == "team":
            return {u["id"] for u in self.users if u["team"] == subject}
        return {u["id"] for u in self.users}

    def value(self, indicator, grain, subject, start, end):
        p = self.params
        who = self.members(grain, subject)
        mine = lambda table: [r for r in table if r.get("owner") in who]
        in_period = lambda t: t is not None and start <= (t.date() if isinstance(t, dt.datetime) else t) <= end
        logged = [a for a in mine(self.activities) if in_period(a["occurred_at"])]
        employed = {u["id"] for u in self.users if u["id"] in who
                    and (u["hire_date"] is None or u["hire_date"] <= end)
                    and (u["leave_date"] is None or u["leave_date"] >= start)}
        per_owner = Counter(a["owner"] for a in logged)
        active = {u for u in employed if per_owner[u] >= p["active_min_activities"]}

        def completeness(table, parameter):
            created = [r for r in mine(table) if in_period(r["created_at"])]
            complete = [r for r in created if all(r.get(f) for f in fields(p[parameter]))]
            return len(complete), len(created)

        def ratio(a, b):
            return a / b if b else None

        def duplicates(table, key):
            counts = Counter(r[key] for r in table if r.get(key))
            return sum(1 for r in mine(table) if r.get(key) and counts[r[key]] >= 2)

        window_start = end - dt.timedelta(days=p["stale_days"] - 1)

        def untouched(records, reference):
            touched = {a[reference] for a in self.activities
                       if a.get(reference) and window_start <= a["occurred_at"].date() <= end}
            return [r for r in records
                    if (r["created_at"] is None or r["created_at"] < window_start) and r["id"] not in touched]

        if indicator == "activities_logged":
            return len(logged)
        if indicator == "activities_per_working_day":
            days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
            working = sum(1 for d in days if d.isoweekday() in p["working_weekdays"])
            return ratio(len(logged), working * len(employed))
        if indicator == "employed_users":
            return len(employed)
        if indicator == "active_users":
            return len(active)
        if indicator == "active_user_rate":
            return ratio(len(active), len(employed))
        if indicator in ("account_completeness", "contact_completeness", "opportunity_completeness"):
            table = {"account": self.accounts, "contact": self.contacts, "opportunity": self.deals}
            entity = indicator.split("_")[0]
            return ratio(*completeness(table[entity], entity + "_fields"))
        if indicator == "data_completeness":
            parts = [completeness(self.accounts, "account_fields"), completeness(self.contacts, "contact_fields"),
                     completeness(self.deals, "opportunity_fields")]
            return ratio(sum(c for c, _ in parts), sum(n for _, n in parts))
        if indicator == "entry_delay_hours":
            delays = [(a["logged_at"] - a["occurred_at"]).total_seconds() / 3600 for a in logged
                      if a["logged_at"] is not None and a["logged_at"] >= a["occurred_at"]]
            return ratio(sum(delays), len(delays))
        if indicator == "timely_entry_rate":
            entered = [a for a in logged if a["logged_at"] is not None]
            timely = [a for a in entered
                      if (a["logged_at"] - a["occurred_at"]).total_seconds() / 3600 <= p["timely_hours"]]
            return ratio(len(timely), len(entered))
        if indicator == "duplicate_accounts":
            return duplicates(self.accounts, "name")
        if indicator == "duplicate_contacts":
            return duplicates(self.contacts, "email")
        if indicator == "stale_open_deals":
            open_deals = [d for d in mine(self.deals) if d["closed_at"] is None or d["closed_at"] > end]
            return len(untouched(open_deals, "opportunity"))
        if indicator == "stale_accounts":
            return len(untouched(mine(self.accounts), "account"))
        raise ValueError(indicator)


def main():
    failures = checked = 0
    for name in sorted(os.listdir(HERE)):
        expected_path = os.path.join(HERE, name, "expected.csv")
        if not os.path.exists(expected_path):
            continue
        fixture = Fixture(name)
        with open(expected_path) as f:
            expected = list(csv.DictReader(line for line in f if not line.startswith("#")))
        for row in expected:
            start, end = month_bounds(row["period"])
            got = fixture.value(row["indicator"], row["grain"], row["subject"], start, end)
            want = None if row["value"] == "missing" else float(row["value"])
            tolerance = float(row["tolerance"]) if row.get("tolerance") else 1e-9
            ok = (got is None and want is None) or (
                got is not None and want is not None and abs(got - want) <= tolerance)
            checked += 1
            if not ok:
                failures += 1
                print(f"{name}: {row['indicator']} {row['grain']} {row['subject']} {row['period']}: "
                      f"expected {want}, computed {got}")
    print(f"crm-adoption expected values: {checked} checked,",
          "all agree" if failures == 0 else f"{failures} differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
