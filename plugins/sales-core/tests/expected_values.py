#!/usr/bin/env python3
"""Recomputes sales-core's expected values from the fixture CSVs, independently of Yardstick.

Plain Python (no Yardstick code): reads tests/*/data/*.csv and the fixture's parameters
(yardstick.toml, [packs.sales-core.parameters]), applies each indicator's definition as
README.md states it, and compares with tests/*/expected.csv, breakdown members included
(the dimension and member columns). Exit 1 on any difference.

    python3 plugins/sales-core/tests/expected_values.py
"""
import csv
import datetime as dt
import os
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULTS = {"pipeline_max_age_days": 365, "cross_sell_window_days": 365, "visit_type": "visit",
            "visit_day_basis": "weekdays"}


def day(text):
    return dt.date.fromisoformat(text[:10]) if text else None


def month_bounds(label):
    year, month = map(int, label.split("-"))
    start = dt.date(year, month, 1)
    end = (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)
    return start, end


def table(fixture, name):
    path = os.path.join(HERE, fixture, "data", name + ".csv")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return list(csv.DictReader(f))


class Fixture:
    def __init__(self, name):
        with open(os.path.join(HERE, name, "yardstick.toml"), "rb") as f:
            config = tomllib.load(f)
        self.params = dict(DEFAULTS)
        self.params.update(config.get("packs", {}).get("sales-core", {}).get("parameters", {}))
        self.users = {row["id"]: row for row in table(name, "users")}
        self.segment = {row["id"]: row.get("segment", "") for row in table(name, "accounts")}
        self.family = {row["id"]: row.get("family", "") for row in table(name, "products")}
        self.deals = table(name, "opportunities")
        for d in self.deals:
            d["amount"] = float(d["amount"])
            d["created_at"] = day(d["created_at"])
            d["closed_at"] = day(d["closed_at"])
        self.payments = table(name, "payments")
        for p in self.payments:
            p["amount"] = float(p["amount"])
            p["received_at"] = day(p["received_at"])
        self.activities = table(name, "activities")
        for a in self.activities:
            a["day"] = day(a["occurred_at"])  # the fixtures' times carry no offset: the local day
        self.expenses = table(name, "expenses")
        for e in self.expenses:
            e["amount"] = float(e["amount"])
            e["incurred_at"] = day(e["incurred_at"])

    def owners(self, grain, subject):
        """The owners whose rows the subject sees; None for the company (every row)."""
        if grain == "user":
            return {subject}
        if grain == "team":
            return {u for u, row in self.users.items() if row["team"] == subject}
        return None

    def mine(self, rows, owners):
        return [r for r in rows if owners is None or r.get("owner") in owners]


def ratio(a, b):
    return None if b == 0 else a / b


def weekdays(start, end):
    return sum(1 for n in range((end - start).days + 1) if (start + dt.timedelta(days=n)).isoweekday() <= 5)


def member_of(deal, fx, dimension):
    """The breakdown member of a deal: the path's value, (none) when empty."""
    if dimension == "lost_reason":
        value = deal["lost_reason"]
    elif dimension == "account.segment":
        value = fx.segment.get(deal["account"], "")
    elif dimension == "product":
        value = deal["product"]
    else:
        raise ValueError(dimension)
    return value or "(none)"


def value(indicator, fx, grain, subject, start, end, dimension, member):
    owners = fx.owners(grain, subject)
    deals = fx.mine(fx.deals, owners)
    if dimension:
        deals = [d for d in deals if member_of(d, fx, dimension) == member]
    p = fx.params
    closed = [d for d in deals if d["closed_at"] and start <= d["closed_at"] <= end]
    won = [d for d in closed if d["stage"] == "won"]
    lost = [d for d in closed if d["stage"] == "lost"]
    if indicator == "revenue":
        return sum(d["amount"] for d in won)
    if indicator == "won_deals":
        return len(won)
    if indicator in ("lost_deals", "lost_by_reason"):
        return len(lost)
    if indicator in ("win_rate", "win_rate_by_segment", "win_rate_by_product"):
        return ratio(len(won), len(won) + len(lost))
    if indicator == "loss_rate":
        return ratio(len(lost), len(won) + len(lost))
    if indicator == "avg_deal_size":
        return ratio(sum(d["amount"] for d in won), len(won))
    if indicator == "sales_cycle_days":
        return ratio(sum((d["closed_at"] - d["created_at"]).days for d in won), len(won))
    if indicator == "pipeline_created":
        return sum(d["amount"] for d in deals if d["created_at"] and start <= d["created_at"] <= end)
    if indicator == "open_pipeline":
        oldest = end - dt.timedelta(days=p["pipeline_max_age_days"])
        return sum(
            d["amount"] for d in deals
            if d["created_at"] and oldest <= d["created_at"] <= end and (d["closed_at"] is None or d["closed_at"] > end))
    if indicator == "new_customers":
        first = {}
        for d in deals:
            if d["stage"] == "won" and d["closed_at"] and d["account"]:
                first[d["account"]] = min(first.get(d["account"], d["closed_at"]), d["closed_at"])
        return sum(1 for when in first.values() if start <= when <= end)
    if indicator == "collections":
        return sum(x["amount"] for x in fx.mine(fx.payments, owners)
                   if x["received_at"] and start <= x["received_at"] <= end)
    if indicator == "cross_sell_rate":
        buyers = {d["account"] for d in won if d["account"]}
        oldest = end - dt.timedelta(days=p["cross_sell_window_days"] - 1)
        families = {}
        for d in deals:
            if d["stage"] == "won" and d["closed_at"] and oldest <= d["closed_at"] <= end and d["account"]:
                family = fx.family.get(d["product"], "")
                if family:
                    families.setdefault(d["account"], set()).add(family)
        return ratio(sum(1 for a in buyers if len(families.get(a, ())) >= 2), len(buyers))
    if indicator in ("calls_new_customers", "calls_existing_customers"):
        customers = {d["account"] for d in fx.deals  # anyone's deals: the whole company
                     if d["stage"] == "won" and d["closed_at"] and d["closed_at"] < start and d["account"]}
        calls = [a for a in fx.mine(fx.activities, owners)
                 if a["type"] == "call" and a["account"] and start <= a["day"] <= end]
        existing = sum(1 for a in calls if a["account"] in customers)
        return existing if indicator == "calls_existing_customers" else len(calls) - existing
    if indicator == "visits_per_day":
        visits = sum(1 for a in fx.mine(fx.activities, owners)
                     if a["type"] == p["visit_type"] and start <= a["day"] <= end)
        days = (end - start).days + 1 if p["visit_day_basis"] == "calendar" else weekdays(start, end)
        return ratio(visits, days)
    if indicator in ("sales_expenses", "sales_expense_ratio"):
        spent = sum(e["amount"] for e in fx.mine(fx.expenses, owners)
                    if e["incurred_at"] and start <= e["incurred_at"] <= end and e["status"] != "rejected")
        if indicator == "sales_expenses":
            return spent
        return ratio(spent, sum(d["amount"] for d in won))
    raise ValueError(indicator)


def main():
    failures = 0
    checked = 0
    for fixture in sorted(os.listdir(HERE)):
        expected_path = os.path.join(HERE, fixture, "expected.csv")
        if not os.path.exists(expected_path):
            continue
        fx = Fixture(fixture)
        with open(expected_path) as f:
            rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
        for row in rows:
            start, end = month_bounds(row["period"])
            dimension, member = row.get("dimension") or None, row.get("member") or None
            got = value(row["indicator"], fx, row["grain"], row["subject"], start, end, dimension, member)
            want = None if row["value"] == "missing" else float(row["value"])
            tolerance = float(row["tolerance"]) if row.get("tolerance") else 1e-9
            ok = (got is None and want is None) or (got is not None and want is not None and abs(got - want) <= tolerance)
            checked += 1
            if not ok:
                failures += 1
                where = f" [{dimension}={member}]" if dimension else ""
                print(f"{fixture}: {row['indicator']} {row['grain']} {row['subject']} {row['period']}{where}: "
                      f"expected {want}, computed {got}")
    print(f"sales-core expected values: {checked} checked,", "all agree" if failures == 0 else f"{failures} differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
