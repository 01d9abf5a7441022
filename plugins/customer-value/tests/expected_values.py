#!/usr/bin/env python3
"""Recomputes customer-value's expected values from the fixture CSVs, independently of Yardstick.

Plain Python (no Yardstick code): reads tests/*/data/orders.csv, applies each indicator's
definition as README.md states it (with the fixture's parameters), and compares with
tests/*/expected.csv. Exit 1 on any difference.

    python3 plugins/customer-value/tests/expected_values.py
"""
import csv
import datetime as dt
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PARAMETERS = {
    "basic": {"active_days": 90, "rfm_bins": 5, "rfm_weights": (0.5, 0.3, 0.2), "time_unit_days": 7,
              "clv_margin": 1.0, "clv_horizon": 52},
    "wider-window": {"active_days": 120, "rfm_bins": 3, "rfm_weights": (1, 0, 0), "time_unit_days": 1,
                     "clv_margin": 0.25, "clv_horizon": 30},
}


def month_bounds(label):
    if ".." in label:  # a custom period: FIRST..LAST
        first, last = label.split("..")
        return dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    year, month = map(int, label.split("-"))
    start = dt.date(year, month, 1)
    end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


def previous_month(label):
    year, month = map(int, label.split("-"))
    return f"{year - 1}-12" if month == 1 else f"{year}-{month - 1:02d}"


def buyers(orders, start, end):
    return {o["account"] for o in orders if start <= o["day"] <= end}


def account_values(orders, accounts, end):
    values = {}
    for account in accounts:
        mine = [o for o in orders if o["account"] == account and o["day"] <= end]
        values[account] = {
            "recency_days": (end - max(o["day"] for o in mine)).days if mine else None,
            "frequency": len({o["day"] for o in mine}),
            "monetary": sum(o["amount"] for o in mine),
        }
    return values


def bins(values, n, lower_is_better):
    """1 + floor(n * b / N), b = how many of the N accounts with a value this one beats."""
    present = {a: v for a, v in values.items() if v is not None}
    count = len(present)
    result = {}
    for account, v in present.items():
        beaten = sum(1 for w in present.values() if (v < w if lower_is_better else v > w))
        result[account] = 1 + math.floor(n * beaten / count)
    return result


def lifetimes_value(indicator, orders, end, p):
    """lifetimes' summary figures (frequency, recency, T, monetary_value) and the CLV forms."""
    totals = {}
    for o in orders:
        if o["day"] <= end:
            totals[o["day"]] = totals.get(o["day"], 0) + o["amount"]
    if indicator == "historical_clv":
        return p["clv_margin"] * sum(totals.values())
    if not totals:
        return None
    first, last = min(totals), max(totals)
    unit = p["time_unit_days"]
    frequency = len(totals) - 1
    age = (end - first).days / unit
    repeat_value = sum(v for d, v in totals.items() if d != first) / frequency if frequency else 0
    if indicator == "repeat_purchases":
        return frequency
    if indicator == "purchase_span":
        return (last - first).days / unit
    if indicator == "customer_age":
        return age
    if indicator == "repeat_value":
        return repeat_value
    if indicator == "predicted_clv":
        return None if age == 0 else p["clv_margin"] * p["clv_horizon"] * repeat_value * frequency / age
    raise ValueError(indicator)


def value(indicator, subject, period, orders, accounts, p):
    start, end = month_bounds(period)
    if indicator == "active_customers":
        first = end - dt.timedelta(days=p["active_days"] - 1)
        return len(buyers(orders, first, end))
    if indicator == "new_customers":
        first = {}
        for o in orders:
            first[o["account"]] = min(first.get(o["account"], o["day"]), o["day"])
        return sum(1 for when in first.values() if start <= when <= end)
    if indicator in ("retention_rate", "churn_rate"):
        before = buyers(orders, *month_bounds(previous_month(period)))
        if not before:
            return None
        retention = len(before & buyers(orders, start, end)) / len(before)
        return retention if indicator == "retention_rate" else 1 - retention
    if indicator == "repeat_purchase_rate":
        days = {}
        for o in orders:
            if start <= o["day"] <= end:
                days.setdefault(o["account"], set()).add(o["day"])
        return sum(1 for d in days.values() if len(d) >= 2) / len(days) if days else None
    if indicator in ("repeat_purchases", "purchase_span", "customer_age", "repeat_value", "historical_clv",
                     "predicted_clv"):
        return lifetimes_value(indicator, [o for o in orders if o["account"] == subject or subject is None], end, p)
    values = account_values(orders, accounts, end)
    if indicator in ("recency_days", "frequency", "monetary"):
        return values[subject][indicator]
    scores = {
        "r_score": bins({a: v["recency_days"] for a, v in values.items()}, p["rfm_bins"], True),
        "f_score": bins({a: v["frequency"] for a, v in values.items()}, p["rfm_bins"], False),
        "m_score": bins({a: v["monetary"] for a, v in values.items()}, p["rfm_bins"], False),
    }
    if indicator in scores:
        return scores[indicator].get(subject)
    if indicator == "rfm_score":
        w = p["rfm_weights"]
        return w[0] * scores["r_score"][subject] + w[1] * scores["f_score"][subject] + w[2] * scores["m_score"][subject]
    raise ValueError(indicator)


def main():
    failures = 0
    for fixture, parameters in PARAMETERS.items():
        data = os.path.join(HERE, fixture, "data")
        with open(os.path.join(data, "orders.csv")) as f:
            orders = [
                {"account": r["account"], "amount": float(r["amount"]), "day": dt.date.fromisoformat(r["ordered_at"])}
                for r in csv.DictReader(f)]
        with open(os.path.join(data, "accounts.csv")) as f:
            accounts = [r["id"] for r in csv.DictReader(f)]
        with open(os.path.join(HERE, fixture, "expected.csv")) as f:
            rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
        for row in rows:
            subject = None if row["grain"] == "company" else row["subject"]
            got = value(row["indicator"], subject, row["period"], orders, accounts, parameters)
            want = None if row["value"] == "missing" else float(row["value"])
            ok = (got is None and want is None) or (got is not None and want is not None and abs(got - want) <= 1e-9)
            if not ok:
                failures += 1
                print(f"{fixture}: {row['indicator']} {row['subject']} {row['period']}: expected {want}, computed {got}")
    print("customer-value expected values:", "all agree" if failures == 0 else f"{failures} differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
