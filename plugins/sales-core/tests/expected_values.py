#!/usr/bin/env python3
"""Recomputes sales-core's expected values from the fixture CSVs, independently of Yardstick.

Plain Python (no Yardstick code): reads tests/*/data/*.csv, applies each indicator's definition
as README.md states it, and compares with tests/*/expected.csv. Exit 1 on any difference.

    python3 plugins/sales-core/tests/expected_values.py
"""
import csv
import datetime as dt
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def day(text):
    return dt.date.fromisoformat(text) if text else None


def month_bounds(label):
    year, month = map(int, label.split("-"))
    start = dt.date(year, month, 1)
    end = (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)
    return start, end


def load(fixture):
    data = os.path.join(HERE, fixture, "data")
    with open(os.path.join(data, "opportunities.csv")) as f:
        deals = list(csv.DictReader(f))
    with open(os.path.join(data, "users.csv")) as f:
        users = {row["id"]: row for row in csv.DictReader(f)}
    for deal in deals:
        deal["amount"] = float(deal["amount"])
        deal["created_at"] = day(deal["created_at"])
        deal["closed_at"] = day(deal["closed_at"])
    return deals, users


def members(grain, subject, users):
    if grain == "user":
        return {subject}
    if grain == "team":
        return {u for u, row in users.items() if row["team"] == subject}
    return set(users)  # company


def value(indicator, deals, start, end, max_age):
    closed = [d for d in deals if d["closed_at"] and start <= d["closed_at"] <= end]
    won = [d for d in closed if d["stage"] == "won"]
    lost = [d for d in closed if d["stage"] == "lost"]
    if indicator == "revenue":
        return sum(d["amount"] for d in won)
    if indicator == "won_deals":
        return len(won)
    if indicator == "lost_deals":
        return len(lost)
    if indicator == "win_rate":
        return len(won) / (len(won) + len(lost)) if won or lost else None
    if indicator == "avg_deal_size":
        return sum(d["amount"] for d in won) / len(won) if won else None
    if indicator == "sales_cycle_days":
        return sum((d["closed_at"] - d["created_at"]).days for d in won) / len(won) if won else None
    if indicator == "pipeline_created":
        return sum(d["amount"] for d in deals if d["created_at"] and start <= d["created_at"] <= end)
    if indicator == "open_pipeline":
        oldest = end - dt.timedelta(days=max_age)
        return sum(
            d["amount"] for d in deals
            if d["created_at"] and oldest <= d["created_at"] <= end and (d["closed_at"] is None or d["closed_at"] > end))
    if indicator == "new_customers":
        first = {}
        for d in deals:
            if d["stage"] == "won" and d["closed_at"] and d["account"]:
                first[d["account"]] = min(first.get(d["account"], d["closed_at"]), d["closed_at"])
        return sum(1 for when in first.values() if start <= when <= end)
    raise ValueError(indicator)


def main():
    failures = 0
    for fixture in sorted(os.listdir(HERE)):
        expected_path = os.path.join(HERE, fixture, "expected.csv")
        if not os.path.exists(expected_path):
            continue
        deals, users = load(fixture)
        max_age = 30 if fixture == "young-pipeline" else 365
        with open(expected_path) as f:
            rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
        for row in rows:
            start, end = month_bounds(row["period"])
            mine = [d for d in deals if d["owner"] in members(row["grain"], row["subject"], users)]
            got = value(row["indicator"], mine, start, end, max_age)
            want = None if row["value"] == "missing" else float(row["value"])
            ok = (got is None and want is None) or (got is not None and want is not None and abs(got - want) <= 1e-9)
            if not ok:
                failures += 1
                print(f"{fixture}: {row['indicator']} {row['grain']} {row['subject']} {row['period']}: expected {want}, computed {got}")
    print("sales-core expected values:", "all agree" if failures == 0 else f"{failures} differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
