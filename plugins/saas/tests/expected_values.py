#!/usr/bin/env python3
"""Recomputes saas's expected values from the fixture CSVs, independently of Yardstick.

Plain Python (no Yardstick code): reads tests/*/data/*.csv, applies each indicator's definition
as README.md states it (an account's MRR on a day, compared on the day before the period and on
its last day), and compares with tests/*/expected.csv. Exit 1 on any difference.

    python3 plugins/saas/tests/expected_values.py
"""
import csv
import datetime as dt
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ONE_DAY = dt.timedelta(days=1)


def day(text):
    return dt.date.fromisoformat(text) if text else None


def number(text):
    return float(text) if text not in (None, "") else None


def month_bounds(label):
    year, month = map(int, label.split("-"))
    start = dt.date(year, month, 1)
    end = dt.date(year + month // 12, month % 12 + 1, 1) - ONE_DAY
    return start, end


def mrr_source(fixture):
    with open(os.path.join(HERE, fixture, "yardstick.toml")) as f:
        found = re.search(r'^mrr_source\s*=\s*"(\w+)"', f.read(), re.M)
    return found.group(1) if found else "mrr"


def load(fixture):
    data = os.path.join(HERE, fixture, "data")
    with open(os.path.join(data, "subscriptions.csv")) as f:
        rows = list(csv.DictReader(f))
    with open(os.path.join(data, "users.csv")) as f:
        users = {row["id"]: row for row in csv.DictReader(f)}
    source = mrr_source(fixture)
    subscriptions = []
    for row in rows:
        if source == "mrr":
            monthly = number(row.get("mrr"))
        else:
            amount, months = number(row.get("amount")), number(row.get("billing_months"))
            monthly = amount / months if amount is not None and months else None
        subscriptions.append({
            "account": row["account"] or None, "owner": row["owner"] or None, "monthly": monthly,
            "start": day(row["started_at"]), "end": day(row["ended_at"]),
        })
    return subscriptions, users


def members(grain, subject, users):
    if grain == "user":
        return {subject}
    if grain == "team":
        return {u for u, row in users.items() if row["team"] == subject}
    return None  # company: every row, owned or not


def paying(subs):
    return [s for s in subs if s["account"] and s["monthly"] is not None and s["monthly"] > 0]


def runs_on(sub, when):
    return sub["start"] is not None and sub["start"] <= when and (sub["end"] is None or sub["end"] > when)


def mrr_by_account(subs, when):
    totals = {}
    for sub in subs:
        if runs_on(sub, when):
            totals[sub["account"]] = totals.get(sub["account"], 0.0) + sub["monthly"]
    return totals


def paid_before(subs, start):
    """Accounts with a subscription that ran on some day before `start`."""
    return {s["account"] for s in subs
            if s["start"] is not None and s["start"] < start and (s["end"] is None or s["end"] > s["start"])}


def figures(subs, start, end):
    before, after = mrr_by_account(subs, start - ONE_DAY), mrr_by_account(subs, end)
    earlier = paid_before(subs, start)
    opening, closing = sum(before.values()), sum(after.values())
    arrived = [a for a in after if a not in before]
    kept = [a for a in before if a in after]
    lost = [a for a in before if a not in after]
    f = {
        "opening_mrr": opening, "mrr": closing, "arr": 12 * closing, "net_new_mrr": closing - opening,
        "new_mrr": sum(after[a] for a in arrived if a not in earlier),
        "reactivation_mrr": sum(after[a] for a in arrived if a in earlier),
        "expansion_mrr": sum(max(after[a] - before[a], 0) for a in kept),
        "contraction_mrr": sum(max(before[a] - after[a], 0) for a in kept),
        "churned_mrr": sum(before[a] for a in lost),
        "paying_customers": len(after), "churned_customers": len(lost),
        "new_customers": sum(1 for a in arrived if a not in earlier),
    }
    f["nrr"] = sum(after[a] for a in kept) / opening if opening else None
    f["grr"] = (opening - f["contraction_mrr"] - f["churned_mrr"]) / opening if opening else None
    f["expansion_rate"] = f["expansion_mrr"] / opening if opening else None
    f["logo_churn_rate"] = len(lost) / len(before) if before else None
    assert abs(opening + f["new_mrr"] + f["reactivation_mrr"] + f["expansion_mrr"] - f["contraction_mrr"]
               - f["churned_mrr"] - closing) < 1e-9, "movements do not add up"
    return f


def main():
    failures = checked = 0
    for fixture in sorted(os.listdir(HERE)):
        expected_path = os.path.join(HERE, fixture, "expected.csv")
        if not os.path.exists(expected_path):
            continue
        subs, users = load(fixture)
        with open(expected_path) as f:
            rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
        for row in rows:
            start, end = month_bounds(row["period"])
            chosen = members(row["grain"], row["subject"], users)
            mine = paying([s for s in subs if chosen is None or s["owner"] in chosen])
            got = figures(mine, start, end)[row["indicator"]]
            want = None if row["value"] == "missing" else float(row["value"])
            tolerance = float(row["tolerance"]) if row["tolerance"] else 1e-9
            ok = (got is None and want is None) or (got is not None and want is not None and abs(got - want) <= tolerance)
            checked += 1
            if not ok:
                failures += 1
                print(f"{fixture}: {row['indicator']} {row['grain']} {row['subject']} {row['period']}: expected {want}, computed {got}")
    print(f"saas expected values: {checked} checked,", "all agree" if failures == 0 else f"{failures} differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
