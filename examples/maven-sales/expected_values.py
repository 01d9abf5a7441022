#!/usr/bin/env python3
"""Independent expected values for the Maven indicator pack (examples/maven-sales/indicators).

Usage:  python3 expected_values.py
Writes  expected/run-2017-Q4.csv and expected/run-2017-10.csv  (next to this file).

Independence
------------
Plain Python 3.11 standard library (csv, decimal, datetime) over the raw files in ./data.
No Yardstick code, no Lua: the mapping of yardstick.toml and the meaning of each indicator
are restated here by hand, so a disagreement with `yardstick run` points at one of the two.

Mapping applied (restated from yardstick.toml)
---------------------------------------------
users       35 agents (sales_teams.sales_agent) + 6 managers (distinct sales_teams.manager).
            id = name = the person's name. Agent team = their manager; a manager's team is
            the team named after them.
teams       6 teams (id = manager name), 3 departments (id = regional_office: Central, East,
            West), 1 company (id "Maven"). subject_name = subject_id throughout.
opportunities  id = opportunity_id, owner = sales_agent, product = product (raw text,
            "GTXPro" kept as written), account = account (empty -> null), stage = deal_stage
            mapped Won->won, Lost->lost, Engaging->qualification, Prospecting->prospecting,
            created_at = engage_date, closed_at = close_date (ISO dates, empty -> null),
            amount = close_value as an exact Decimal (empty -> null).

Subjects (grains)
-----------------
user        every one of the 41 users, including the 6 managers and the 5 agents without deals.
team        the 6 manager teams: members = agents whose manager is the team id, plus the
            manager user himself/herself (managers own no deal, so this changes nothing).
department  the 3 regional offices: members = the users of the teams of that office.
company     "Maven": all 41 users.
A subject's rows are the opportunities whose owner is one of its members (the union).
The same definitions are evaluated on that union (no aggregation of user figures).

Periods
-------
2017-Q4 = 2017-10-01..2017-12-31, previous = 2017-Q3 (2017-07-01..2017-09-30).
2017-10 = 2017-10-01..2017-10-31, previous = 2017-09 (2017-09-01..2017-09-30).
"closed in the period" = closed_at is not null and first <= closed_at <= last (inclusive).

Indicators and exact semantics (what the engine must match)
-----------------------------------------------------------
WON = owner in members, stage == won, closed_at in the period.
won_revenue        sum(amount) over WON. Exact decimal; 0 when WON is empty (never missing).
won_deals          count(WON) (integer; 0 when empty).
lost_deals         count(stage == lost, closed_at in the period).
win_rate           ratio(count(WON), count(stage in {won,lost}, closed_at in period)) as a
                   float; missing when the denominator is 0.
avg_won_deal       derived ratio(won_revenue, won_deals) = float(won_revenue) / won_deals;
                   missing ("division by zero") when won_deals == 0. A float, not a decimal.
median_won_deal    median of float(amount) over WON, linear interpolation (numpy default):
                   mean of the two middle values for an even count. A float; missing when
                   WON is empty ("no rows").
avg_sales_cycle_days  mean over WON of (closed_at - created_at) in whole days (date - date,
                   so integral per row); rows with a null created_at or closed_at are skipped
                   (none among won deals). A float; missing when no row remains.
accounts_won       number of distinct non-null account keys over WON (0 when empty).
products_sold      number of distinct non-null product keys over WON, keys as written:
                   the unresolved reference "GTXPro" counts as a product like any other
                   (0 when empty).
revenue_share      ratio(won_revenue of the subject, won_revenue of the whole company in the
                   same period) = float(own) / float(company); 0.0 for a subject with no win,
                   1.0 for the company; missing if the company won nothing.
big_deals          count over WON with amount >= 5000.
open_pipeline      count(stage in {prospecting, qualification}), NO period filter (same value
                   for every period; open deals have no closed_at).
revenue_growth     ratio(now - before, before) where now = won_revenue of the period and
                   before = won_revenue of the previous period (same subject); computed as
                   float(now - before) / float(before), the difference being exact;
                   missing when before == 0 (including 0/0).
account_coverage   ratio(deals with a non-null account, deals) over the deals with created_at in
                   the period (any stage); a float; missing when there are none.

From the synthetic ratings table data/ratings.csv (mapped to `surveys`: id = survey_id,
type = kind, user = agent, account, submitted_at = "YYYY-MM-DD HH:MM:SS" in UTC, score, comment);
a survey belongs to the subject whose members include its user, and is in the period when the
date part of submitted_at is:
csat               mean of float(score) over type == csat (1-5); missing ("no rows") when none.
complaints         count of type == complaint (0 when none).

Output format (Yardstick's long CSV)
------------------------------------
header  period,grain,subject_id,subject_name,indicator,value,unit,status
status  ok | missing (value empty when missing).
value   by the type of the value, not by the unit:
        integers (counts) as plain integers;
        exact decimals (won_revenue) as decimal text without trailing zeros ("1054", "12.5",
        "0");
        floats (ratios, averages, medians, percents) with Python's repr (shortest text that
        reads back to the same double, e.g. "0.6292134831460674", "2361.0").
        Percents are fractions (0.31 = 31 %).
rows    sorted by grain (company, department, team, user), subject_id, indicator.
"""

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
OUT = HERE / "expected"

STAGE_MAP = {"Won": "won", "Lost": "lost", "Engaging": "qualification", "Prospecting": "prospecting"}

UNITS = {
    "won_revenue": "money", "won_deals": "count", "lost_deals": "count", "win_rate": "percent",
    "avg_won_deal": "money", "median_won_deal": "money", "avg_sales_cycle_days": "days",
    "accounts_won": "count", "products_sold": "count", "revenue_share": "percent",
    "big_deals": "count", "open_pipeline": "count", "revenue_growth": "percent",
    "account_coverage": "percent", "csat": "score", "complaints": "count",
}

PERIODS = {
    # label: (first, last, previous first, previous last)
    "2017-Q4": (date(2017, 10, 1), date(2017, 12, 31), date(2017, 7, 1), date(2017, 9, 30)),
    "2017-10": (date(2017, 10, 1), date(2017, 10, 31), date(2017, 9, 1), date(2017, 9, 30)),
}


# ---------------------------------------------------------------- typed values
# ("int", n) | ("dec", Decimal) | ("num", float) | ("missing", reason)

def missing(reason):
    return ("missing", reason)


def as_float(v):
    kind, x = v
    return float(x)


def ratio(a, b):
    if a[0] == "missing" or b[0] == "missing":
        return missing("missing operand")
    if b[1] == 0:
        return missing("division by zero")
    return ("num", as_float(a) / as_float(b))


def median(values):
    if not values:
        return missing("no rows")
    xs = sorted(values)
    pos = 0.5 * (len(xs) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(xs) - 1)
    return ("num", xs[lo] + (xs[hi] - xs[lo]) * (pos - lo))


def fmt_decimal(d: Decimal) -> str:
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    if s in ("-0", ""):
        s = "0"
    return s


def fmt(v):
    kind, x = v
    if kind == "missing":
        return "", "missing"
    if kind == "int":
        return str(x), "ok"
    if kind == "dec":
        return fmt_decimal(x), "ok"
    return repr(float(x)), "ok"


# ---------------------------------------------------------------- load + map

def parse_date(text):
    return date.fromisoformat(text) if text else None


def load():
    agents = []  # (agent, manager, office)
    with open(DATA / "sales_teams.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            agents.append((r["sales_agent"], r["manager"], r["regional_office"]))
    team_of = {}
    for agent, manager, _ in agents:
        team_of[agent] = manager
    manager_office = {}
    for _, manager, office in agents:
        assert manager_office.setdefault(manager, office) == office, "a manager in two offices"
        team_of[manager] = manager
    assert len(team_of) == 41, len(team_of)

    opps = []
    with open(DATA / "sales_pipeline.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            opps.append({
                "id": r["opportunity_id"],
                "owner": r["sales_agent"] or None,
                "product": r["product"] or None,
                "account": r["account"] or None,
                "stage": STAGE_MAP[r["deal_stage"]],
                "created_at": parse_date(r["engage_date"]),
                "closed_at": parse_date(r["close_date"]),
                "amount": Decimal(r["close_value"]) if r["close_value"] else None,
            })
    assert len(opps) == 8800

    surveys = []
    with open(DATA / "ratings.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            surveys.append({
                "id": r["survey_id"],
                "type": r["kind"],
                "user": r["agent"] or None,
                "submitted_on": date.fromisoformat(r["submitted_at"][:10]),
                "score": Decimal(r["score"]) if r["score"] else None,
            })

    subjects = []  # (grain, id, name, member set)
    for user in sorted(team_of):
        subjects.append(("user", user, user, {user}))
    for manager in sorted(manager_office):
        subjects.append(("team", manager, manager, {u for u, t in team_of.items() if t == manager}))
    for office in sorted(set(manager_office.values())):
        subjects.append(("department", office, office,
                         {u for u, t in team_of.items() if manager_office[t] == office}))
    subjects.append(("company", "Maven", "Maven", set(team_of)))
    return opps, surveys, subjects


# ---------------------------------------------------------------- indicators

def in_range(d, first, last):
    return d is not None and first <= d <= last


def won_sum(rows, first, last):
    total = Decimal(0)
    for o in rows:
        if o["stage"] == "won" and in_range(o["closed_at"], first, last) and o["amount"] is not None:
            total += o["amount"]
    return ("dec", total)


def evaluate(rows, all_rows, first, last, prev_first, prev_last, surveys=()):
    won = [o for o in rows if o["stage"] == "won" and in_range(o["closed_at"], first, last)]
    lost = [o for o in rows if o["stage"] == "lost" and in_range(o["closed_at"], first, last)]
    v = {}
    v["won_revenue"] = won_sum(rows, first, last)
    v["won_deals"] = ("int", len(won))
    v["lost_deals"] = ("int", len(lost))
    v["win_rate"] = ratio(("int", len(won)), ("int", len(won) + len(lost)))
    v["avg_won_deal"] = ratio(v["won_revenue"], v["won_deals"])
    v["median_won_deal"] = median([float(o["amount"]) for o in won if o["amount"] is not None])
    cycles = [(o["closed_at"] - o["created_at"]).days for o in won
              if o["created_at"] is not None and o["closed_at"] is not None]
    v["avg_sales_cycle_days"] = ("num", sum(cycles) / len(cycles)) if cycles else missing("no rows")
    v["accounts_won"] = ("int", len({o["account"] for o in won if o["account"] is not None}))
    v["products_sold"] = ("int", len({o["product"] for o in won if o["product"] is not None}))
    v["revenue_share"] = ratio(v["won_revenue"], won_sum(all_rows, first, last))
    v["big_deals"] = ("int", sum(1 for o in won if o["amount"] is not None and o["amount"] >= 5000))
    v["open_pipeline"] = ("int", sum(1 for o in rows if o["stage"] in ("prospecting", "qualification")))
    now, before = v["won_revenue"], won_sum(rows, prev_first, prev_last)
    v["revenue_growth"] = ratio(("dec", now[1] - before[1]), before)
    engaged = [o for o in rows if in_range(o["created_at"], first, last)]
    v["account_coverage"] = ratio(("int", sum(1 for o in engaged if o["account"] is not None)), ("int", len(engaged)))
    rated = [x for x in surveys if in_range(x["submitted_on"], first, last)]
    scores = [float(x["score"]) for x in rated if x["type"] == "csat" and x["score"] is not None]
    v["csat"] = ("num", sum(scores) / len(scores)) if scores else missing("no rows")
    v["complaints"] = ("int", sum(1 for x in rated if x["type"] == "complaint"))
    assert set(v) == set(UNITS)
    return v


GRAIN_ORDER = {"company": 0, "department": 1, "team": 2, "user": 3}


def main():
    opps, surveys, subjects = load()
    OUT.mkdir(exist_ok=True)
    for label, (first, last, pf, pl) in PERIODS.items():
        out_rows = []
        for grain, sid, name, members in subjects:
            rows = [o for o in opps if o["owner"] in members]
            mine = [x for x in surveys if x["user"] in members]
            for ind, val in evaluate(rows, opps, first, last, pf, pl, mine).items():
                text, status = fmt(val)
                out_rows.append((label, grain, sid, name, ind, text, UNITS[ind], status))
        out_rows.sort(key=lambda r: (GRAIN_ORDER[r[1]], r[2], r[4]))
        path = OUT / f"run-{label}.csv"
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["period", "grain", "subject_id", "subject_name", "indicator", "value", "unit", "status"])
            w.writerows(out_rows)
        print(f"wrote {path.relative_to(HERE)}: {len(out_rows)} rows")


if __name__ == "__main__":
    main()
