#!/usr/bin/env python3
"""Recomputes vendor-eval's expected values from the fixture CSVs, independently of Yardstick.

Plain Python (no Yardstick code): reads tests/*/data/*.csv and the fixture's parameters from
its yardstick.toml, applies each indicator's definition as README.md states it, and compares
with tests/*/expected.csv. Exit 1 on any difference.

    python3 plugins/vendor-eval/tests/expected_values.py
"""
import csv
import datetime as dt
import os
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULTS = {
    "partial_outage_weight": 0.5,
    "response_sla_hours": [1, 4, 8, 24],
    "resolution_sla_hours": [4, 24, 72, 168],
}
SEVERITIES = ["critical", "high", "medium", "low"]


def day(text):
    return dt.date.fromisoformat(text) if text else None


def instant(text):
    return dt.datetime.fromisoformat(text) if text else None


def period_bounds(label):
    """A month (2026-07) or a quarter (2026-Q3): its first and last day."""
    year, part = label.split("-")
    year = int(year)
    first, months = (3 * int(part[1]) - 2, 3) if part.startswith("Q") else (int(part), 1)
    start = dt.date(year, first, 1)
    after = first + months
    end = dt.date(year + (after - 1) // 12, (after - 1) % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


def previous(label):
    year, part = label.split("-")
    year = int(year)
    if part.startswith("Q"):
        q = int(part[1]) - 1
        return f"{year - 1}-Q4" if q == 0 else f"{year}-Q{q}"
    m = int(part) - 1
    return f"{year - 1}-12" if m == 0 else f"{year}-{m:02d}"


def rows(fixture, entity):
    path = os.path.join(HERE, fixture, "data", entity + ".csv")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [{k: (v.strip() or None) for k, v in row.items()} for row in csv.DictReader(f)]


def parameters(fixture):
    with open(os.path.join(HERE, fixture, "yardstick.toml"), "rb") as f:
        workspace = tomllib.load(f)
    chosen = dict(DEFAULTS)
    chosen.update(workspace.get("packs", {}).get("vendor-eval", {}).get("parameters", {}))
    return chosen


def hours(a, b):
    return (b - a).total_seconds() / 3600


def ratio(a, b):
    return a / b if b else None


def mean(values):
    return ratio(sum(values), len(values))


class Fixture:
    def __init__(self, name):
        self.params = parameters(name)
        self.orders = rows(name, "orders")
        self.surveys = rows(name, "surveys")
        self.campaigns = rows(name, "campaigns")
        self.incidents = rows(name, "incidents")
        for o in self.orders:
            o["ordered_at"] = day(o["ordered_at"])
            o["amount"] = float(o["amount"])
        for s in self.surveys:
            s["submitted_at"] = instant(s["submitted_at"])
        for c in self.campaigns:
            c["start_date"] = day(c["start_date"])
        for i in self.incidents:
            for f in ("started_at", "reported_at", "acknowledged_at", "resolved_at"):
                i[f] = instant(i.get(f))

    def sales_orders(self):
        return [o for o in self.orders if o.get("status") != "cancelled"]

    def customers(self, start, end):
        return {o["account"] for o in self.sales_orders() if start <= o["ordered_at"] <= end}

    def value(self, indicator, label):
        p = self.params
        start, end = period_bounds(label)
        before_start, before_end = period_bounds(previous(label))
        inside = lambda t: t is not None and start <= (t.date() if isinstance(t, dt.datetime) else t) <= end
        unplanned = [i for i in self.incidents if i.get("impact") != "maintenance" and i.get("status") != "cancelled"]
        started = [i for i in unplanned if inside(i["started_at"])]
        reported = [i for i in unplanned if inside(i["reported_at"])]

        def sales(a, b):
            return sum(o["amount"] for o in self.sales_orders() if a <= o["ordered_at"] <= b)

        def new_customers():
            first = {}
            for o in self.sales_orders():
                first[o["account"]] = min(first.get(o["account"], o["ordered_at"]), o["ordered_at"])
            return sum(1 for when in first.values() if start <= when <= end)

        def downtime():
            full = sum(hours(i["started_at"], i["resolved_at"]) for i in started
                       if i.get("impact") == "major_outage" and i["resolved_at"])
            partial = sum(hours(i["started_at"], i["resolved_at"]) for i in started
                          if i.get("impact") == "partial_outage" and i["resolved_at"])
            return full + p["partial_outage_weight"] * partial

        def within(field, targets):
            judged = [i for i in reported if i.get("severity") in SEVERITIES]
            met = [i for i in judged if i[field] is not None
                   and hours(i["reported_at"], i[field]) <= targets[SEVERITIES.index(i["severity"])]]
            return ratio(len(met), len(judged))

        if indicator == "customer_satisfaction":
            return mean([float(s["score"]) for s in self.surveys
                         if s["type"] == "csat" and s.get("score") and inside(s["submitted_at"])])
        if indicator == "customer_retention_rate":
            before = self.customers(before_start, before_end)
            return ratio(len(before & self.customers(start, end)), len(before))
        if indicator == "sales":
            return sales(start, end)
        if indicator == "sales_growth":
            before = sales(before_start, before_end)
            return ratio(sales(start, end) - before, before)
        if indicator == "new_customers":
            return new_customers()
        if indicator == "customer_lifetime_value":
            to_date = [o for o in self.sales_orders() if o["ordered_at"] <= end]
            return ratio(sum(o["amount"] for o in to_date), len({o["account"] for o in to_date}))
        if indicator == "acquisition_cost":
            cost = sum(float(c["cost"]) for c in self.campaigns if inside(c["start_date"]))
            return ratio(cost, new_customers())
        if indicator == "incidents":
            return len(started)
        if indicator == "downtime_hours":
            return downtime()
        if indicator == "availability":
            return 1 - downtime() / (24 * ((end - start).days + 1))
        if indicator == "time_to_restore_hours":
            return mean([hours(i["started_at"], i["resolved_at"]) for i in started if i["resolved_at"]])
        if indicator == "first_response_hours":
            return mean([hours(i["reported_at"], i["acknowledged_at"]) for i in reported if i["acknowledged_at"]])
        if indicator == "resolution_hours":
            return mean([hours(i["reported_at"], i["resolved_at"]) for i in reported if i["resolved_at"]])
        if indicator == "response_sla_rate":
            return within("acknowledged_at", p["response_sla_hours"])
        if indicator == "resolution_sla_rate":
            return within("resolved_at", p["resolution_sla_hours"])
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
            got = fixture.value(row["indicator"], row["period"])
            want = None if row["value"] == "missing" else float(row["value"])
            tolerance = float(row["tolerance"]) if row.get("tolerance") else 1e-9
            ok = (got is None and want is None) or (
                got is not None and want is not None and abs(got - want) <= tolerance)
            checked += 1
            if not ok:
                failures += 1
                print(f"{name}: {row['indicator']} {row['grain']} {row['subject']} {row['period']}: "
                      f"expected {want}, computed {got}")
    print(f"vendor-eval expected values: {checked} checked,",
          "all agree" if failures == 0 else f"{failures} differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
