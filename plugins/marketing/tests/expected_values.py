#!/usr/bin/env python3
"""Recomputes marketing's expected values from the fixture CSVs, independently of Yardstick.

Plain Python (no Yardstick code): reads tests/*/data/*.csv, applies each indicator's definition
as README.md states it, and compares with tests/*/expected.csv. Exit 1 on any difference.

    python3 plugins/marketing/tests/expected_values.py            # check
    python3 plugins/marketing/tests/expected_values.py --print    # print every computed row
"""
import csv
import datetime as dt
import os
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
SUFFIX = "_per_campaign"


def day(text):
    return dt.date.fromisoformat(text) if text else None


def money(text):
    return float(text) if text else 0.0


def bounds(label):
    year, month = map(int, label.split("-"))
    start = dt.date(year, month, 1)
    return start, dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def read(data, name):
    with open(os.path.join(data, name), newline="") as f:
        return list(csv.DictReader(f))


def ratio(a, b):
    return None if b == 0 else a / b


def first_deal_campaigns(deals):
    """account -> campaign of its first won deal (earliest closed_at; on a tie the earlier row)."""
    first = {}
    for deal in deals:  # file order
        if deal["stage"] != "won" or not deal["closed_at"] or not deal["account"]:
            continue
        when = day(deal["closed_at"])
        if deal["account"] not in first or when < first[deal["account"]][0]:
            first[deal["account"]] = (when, deal["campaign"])
    return {account: campaign for account, (_, campaign) in first.items()}


def value(name, chosen, campaigns, members, leads, deals):
    """One indicator over the set of campaign ids `chosen`."""
    cost = sum(money(c["cost"]) for c in campaigns if c["id"] in chosen)
    mine = [m for m in members if m["campaign"] in chosen]
    responses = sum(1 for m in mine if m["responded"] == "true")
    converted = sum(1 for m in mine if m["converted"] == "true")
    lead_count = sum(1 for lead in leads if lead["campaign"] in chosen)
    revenue = sum(money(d["amount"]) for d in deals if d["stage"] == "won" and d["campaign"] in chosen)
    new = sum(1 for campaign in first_deal_campaigns(deals).values() if campaign in chosen)
    return {
        "campaigns_launched": len(chosen),
        "campaign_cost": cost,
        "members": len(mine),
        "responses": responses,
        "response_rate": ratio(responses, len(mine)),
        "conversion_rate": ratio(converted, len(mine)),
        "leads": lead_count,
        "cost_per_lead": ratio(cost, lead_count),
        "cost_per_interaction": ratio(cost, responses),
        "new_customers": new,
        "cac": ratio(cost, new),
        "attributed_revenue": revenue,
        "roi": ratio(revenue - cost, cost),
    }[name]


def main():
    show = "--print" in sys.argv
    failures = checked = 0
    for fixture in sorted(os.listdir(HERE)):
        expected_path = os.path.join(HERE, fixture, "expected.csv")
        if not os.path.exists(expected_path):
            continue
        data = os.path.join(HERE, fixture, "data")
        with open(os.path.join(HERE, fixture, "yardstick.toml"), "rb") as f:
            workspace = tomllib.load(f)
        date_field = workspace.get("packs", {}).get("marketing", {}).get("parameters", {}).get("campaign_date", "start_date")
        campaigns, members, leads, deals = (read(data, n) for n in
                                            ("campaigns.csv", "campaign_members.csv", "leads.csv", "opportunities.csv"))
        users = read(data, "users.csv")
        with open(expected_path) as f:
            rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
        for row in rows:
            start, end = bounds(row["period"])
            in_period = {c["id"] for c in campaigns if c[date_field] and start <= day(c[date_field]) <= end}
            grain, subject, name = row["grain"], row["subject"], row["indicator"]
            if grain == "campaign":
                assert name.endswith(SUFFIX), name
                name = name[: -len(SUFFIX)]
                chosen = in_period & {subject}
            elif grain == "company":
                chosen = in_period
            else:
                owners = {subject} if grain == "user" else {u["id"] for u in users if u["team"] == subject}
                chosen = {c["id"] for c in campaigns if c["id"] in in_period and c["owner"] in owners}
            got = value(name, chosen, campaigns, members, leads, deals)
            if show:
                print(f"{fixture},{row['indicator']},{grain},{subject},{row['period']},{'missing' if got is None else repr(got)}")
            want = None if row["value"] == "missing" else float(row["value"])
            tolerance = float(row["tolerance"]) if row.get("tolerance") else 1e-9
            checked += 1
            ok = (got is None and want is None) or (got is not None and want is not None and abs(got - want) <= tolerance)
            if not ok:
                failures += 1
                print(f"{fixture}: {row['indicator']} {grain} {subject} {row['period']}: expected {want}, computed {got}")
    print(f"marketing expected values: {checked} checked,", "all agree" if failures == 0 else f"{failures} differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
