#!/usr/bin/env python3
"""Recomputes distribution's expected values from the fixture CSVs, independently of Yardstick.

Plain Python (no Yardstick code): reads each fixture's data (its yardstick.toml names the folder)
and parameters, applies each indicator's definition as README.md states it, and compares with
tests/*/expected.csv. Exit 1 on any difference.

    python3 plugins/distribution/tests/expected_values.py
"""
import csv
import datetime as dt
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULTS = {
    "visit_type": "visit", "min_visit_minutes": 0, "working_weekdays": [1, 2, 3, 4, 5],
    "sku_window_days": 90, "assortment_family": "", "ageing_buckets": [30, 60, 90],
}
UNCOUNTED = {"draft", "cancelled"}


def day(text):
    return dt.date.fromisoformat(text[:10]) if text else None


def month_bounds(label):
    year, month = map(int, label.split("-"))
    start = dt.date(year, month, 1)
    end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


def settings(fixture):
    """The data folder and the parameters of a fixture's yardstick.toml (the few forms used here)."""
    with open(os.path.join(HERE, fixture, "yardstick.toml")) as f:
        text = f.read()
    folder = re.search(r'^path\s*=\s*"([^"]+)"', text, re.M).group(1)
    params = dict(DEFAULTS)
    block = text.split("[packs.distribution.parameters]", 1)
    if len(block) == 2:
        for name, value in re.findall(r"^(\w+)\s*=\s*(.+)$", block[1], re.M):
            value = value.strip()
            if value.startswith("["):
                params[name] = [int(v) for v in value.strip("[]").split(",")]
            elif value.startswith('"'):
                params[name] = value.strip('"')
            else:
                params[name] = int(value)
    return os.path.join(HERE, fixture, folder), params


def read(folder, name):
    with open(os.path.join(folder, name)) as f:
        return list(csv.DictReader(f))


def members(grain, subject, users):
    if grain == "user":
        return {subject}
    if grain == "team":
        return {u for u, row in users.items() if row["team"] == subject}
    return None  # company: every row


def figures(data, chosen, start, end, p):
    mine = lambda rows: [r for r in rows if chosen is None or r["owner"] in chosen]
    f = {}
    visits = [a for a in mine(data["activities"])
              if a["type"] == p["visit_type"] and a["account"] and start <= day(a["occurred_at"]) <= end
              and (p["min_visit_minutes"] == 0
                   or (a["duration_seconds"] and int(a["duration_seconds"]) >= 60 * p["min_visit_minutes"]))]
    f["store_visits"] = len(visits)
    working = sum(1 for i in range((end - start).days + 1)
                  if (start + dt.timedelta(days=i)).isoweekday() in p["working_weekdays"])
    f["visits_per_working_day"] = len(visits) / working if working else None
    visited = {a["account"] for a in visits}
    f["stores_visited"] = len(visited)
    stores = {a["id"] for a in mine(data["accounts"])}
    f["store_coverage"] = len(stores & visited) / len(stores) if stores else None

    orders = [o for o in mine(data["orders"])
              if start <= day(o["ordered_at"]) <= end and o["status"] not in UNCOUNTED]
    f["store_orders"] = len(orders)
    f["ordering_stores"] = len({o["account"] for o in orders if o["account"]})
    f["order_frequency"] = f["store_orders"] / f["ordering_stores"] if f["ordering_stores"] else None

    status = {o["id"]: o["status"] for o in data["orders"]}
    family = {p_["id"]: p_["family"] for p_ in data["products"]}
    assortment = [i for i, fam in family.items() if p["assortment_family"] in ("", fam)]
    first = end - dt.timedelta(days=p["sku_window_days"] - 1)
    skus = {}
    for line in mine(data["order_lines"]):
        if (line["account"] and first <= day(line["ordered_at"]) <= end
                and status.get(line["order"]) not in UNCOUNTED and line["product"] in assortment):
            skus.setdefault(line["account"], set()).add(line["product"])
    f["skus_per_store"] = sum(len(s) for s in skus.values()) / len(skus) if skus else None
    f["sku_coverage"] = (f["skus_per_store"] / len(assortment)
                         if f["skus_per_store"] is not None and assortment else None)

    payments = mine(data["payments"])
    due = [x for x in payments if x["due_at"] and start <= day(x["due_at"]) <= end]
    due_total = sum(float(x["amount"]) for x in due)
    received = sum(float(x["amount"]) for x in due if x["received_at"] and day(x["received_at"]) <= end)
    f["collection_rate"] = received / due_total if due_total else None
    still_open = [x for x in payments if x["due_at"] and not (x["received_at"] and day(x["received_at"]) <= end)]
    f["receivables_open"] = sum(float(x["amount"]) for x in still_open)
    late = [((end - day(x["due_at"])).days, float(x["amount"])) for x in still_open]
    f["overdue_amount"] = sum(a for d, a in late if d >= 1)
    f["overdue_share"] = f["overdue_amount"] / f["receivables_open"] if f["receivables_open"] else None
    b1, b2, b3 = p["ageing_buckets"]
    for i, (low, high) in enumerate([(1, b1), (b1 + 1, b2), (b2 + 1, b3), (b3 + 1, None)], start=1):
        f[f"overdue_bucket_{i}"] = sum(a for d, a in late if d >= low and (high is None or d <= high))
    return f


def main():
    failures = checked = 0
    for fixture in sorted(os.listdir(HERE)):
        expected_path = os.path.join(HERE, fixture, "expected.csv")
        if not os.path.exists(expected_path):
            continue
        folder, params = settings(fixture)
        data = {name: read(folder, name + ".csv")
                for name in ("accounts", "activities", "orders", "order_lines", "products", "payments")}
        users = {row["id"]: row for row in read(folder, "users.csv")}
        with open(expected_path) as f:
            rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
        for row in rows:
            start, end = month_bounds(row["period"])
            got = figures(data, members(row["grain"], row["subject"], users), start, end, params)[row["indicator"]]
            want = None if row["value"] == "missing" else float(row["value"])
            tolerance = float(row["tolerance"]) if row["tolerance"] else 1e-9
            ok = (got is None and want is None) or (got is not None and want is not None and abs(got - want) <= tolerance)
            checked += 1
            if not ok:
                failures += 1
                print(f"{fixture}: {row['indicator']} {row['grain']} {row['subject']} {row['period']}: expected {want}, computed {got}")
    print(f"distribution expected values: {checked} checked,", "all agree" if failures == 0 else f"{failures} differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
