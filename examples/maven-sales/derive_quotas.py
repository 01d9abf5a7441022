#!/usr/bin/env python3
"""Derives data/quotas.csv, the sales targets of the Maven example, from the data set itself.

Usage:  python3 derive_quotas.py          (from examples/maven-sales; rewrites data/quotas.csv)

Origin
------
Maven's export has no targets. These are SYNTHETIC: computed from each agent's and each team's
own past won revenue in data/sales_pipeline.csv, the way a sales-operations team often sets next
quarter's plan ("last quarter's run rate plus 10 %"). Plain Python 3 standard library; the
output is deterministic (no randomness, no clock).

Rules
-----
Won deals: deal_stage "Won", counted in the month of close_date. The data's first close is in
2017-03, so quotas cover the quarters that have a full previous quarter of history or March's:
2017-Q2, 2017-Q3 and 2017-Q4 (months 2017-04 .. 2017-12).

The basis of quarter Q is the previous quarter. Its monthly run rate is its won figure divided by
the number of its months inside the data's close range (2017-Q1: 1 month, March; later: 3).

Per sales agent, one row per month of Q and metric (all three months of Q carry the same quota):
  revenue    target    = 1.10 x the monthly won-revenue run rate, rounded to the nearest 100
             stretch   = 1.2 x target, rounded to the nearest 100
             challenge = 1.5 x target, rounded to the nearest 100
  deals      target    = 1.10 x the monthly run rate of won deals, rounded, at least 1
             (no stretch or challenge tier: those cells are empty)
  big_deals  target    = the monthly run rate of won deals worth >= 5,000, rounded, at least 1
             (no tiers)
  An agent without a won deal in the basis quarter gets the ramp-up quota instead:
  revenue 10,000 (stretch 12,000, challenge 15,000), deals 3, big_deals 1.

Per team (manager), one row per quarter Q, metric revenue only:
  target    = 1.10 x the team's won revenue in the basis quarter scaled to 3 months, rounded to
              the nearest 1,000; stretch = 1.2 x target and challenge = 1.5 x target, rounded to
              the nearest 1,000.
  The team's own quarterly row is its target at team grain (it is not the sum of its agents'
  monthly quotas, which differ by the ramp-up quotas and the rounding); departments and the
  company have no rows, so their targets are the sums of their teams' rows.

Rounding is half up (decimal.ROUND_HALF_UP). Ids: `<period>/<metric>/<agent or team>`, with
periods written 2017-10 (a month) or 2017-Q4 (a quarter).

Columns: quota_id, agent, team, period_start, period_end, metric, target, stretch, challenge
(an agent row leaves team empty, a team row leaves agent empty), mapped to the `quotas` entity
in yardstick.toml.
"""

import calendar
import csv
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
OUT = DATA / "quotas.csv"

YEAR = 2017
QUARTERS = [2, 3, 4]          # quarters that get quotas
FIRST_CLOSE_MONTH = 3         # 2017-03: the data's first close
GROWTH = Decimal("1.10")
BIG_DEAL = 5000
RAMP = {"revenue": (10000, 12000, 15000), "deals": (3, None, None), "big_deals": (1, None, None)}


def round_to(value, step):
    """Rounds a Decimal half up to a multiple of step."""
    return int((Decimal(value) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step)


def months_of(quarter):
    return [3 * (quarter - 1) + k for k in (1, 2, 3)]


def basis_months(quarter):
    """The months of quarter's previous quarter that lie in the data's close range."""
    return [m for m in months_of(quarter - 1) if m >= FIRST_CLOSE_MONTH]


def main():
    with open(DATA / "sales_teams.csv", newline="", encoding="utf-8") as fh:
        teams_rows = list(csv.DictReader(fh))
    agents = [r["sales_agent"] for r in teams_rows]
    team_of = {r["sales_agent"]: r["manager"] for r in teams_rows}
    teams = sorted({r["manager"] for r in teams_rows})

    revenue = defaultdict(Decimal)   # (agent, month) -> won revenue
    deals = defaultdict(int)          # (agent, month) -> won deals
    big = defaultdict(int)            # (agent, month) -> won deals >= 5000
    with open(DATA / "sales_pipeline.csv", newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["deal_stage"] != "Won" or not r["close_date"].startswith(f"{YEAR}-"):
                continue
            key = (r["sales_agent"], int(r["close_date"][5:7]))
            amount = Decimal(r["close_value"])
            revenue[key] += amount
            deals[key] += 1
            if amount >= BIG_DEAL:
                big[key] += 1

    rows = []
    for quarter in QUARTERS:
        basis = basis_months(quarter)
        span = len(basis)
        for agent in agents:
            won = sum(revenue[(agent, m)] for m in basis)
            count = sum(deals[(agent, m)] for m in basis)
            bigs = sum(big[(agent, m)] for m in basis)
            if count == 0:
                quota = RAMP
            else:
                target = round_to(GROWTH * won / span, 100)
                quota = {
                    "revenue": (target, round_to(target * Decimal("1.2"), 100), round_to(target * Decimal("1.5"), 100)),
                    "deals": (max(1, round_to(GROWTH * count / span, 1)), None, None),
                    "big_deals": (max(1, round_to(Decimal(bigs) / span, 1)), None, None),
                }
            for month in months_of(quarter):
                last = calendar.monthrange(YEAR, month)[1]
                label = f"{YEAR}-{month:02d}"
                for metric in ("revenue", "deals", "big_deals"):
                    target, stretch, challenge = quota[metric]
                    rows.append([f"{label}/{metric}/{agent}", agent, "", f"{label}-01", f"{label}-{last:02d}",
                                 metric, target, stretch, challenge])
        first, last_month = months_of(quarter)[0], months_of(quarter)[-1]
        last_day = calendar.monthrange(YEAR, last_month)[1]
        for team in teams:
            won = sum(revenue[(a, m)] for a in agents if team_of[a] == team for m in basis)
            target = round_to(GROWTH * won * 3 / span, 1000)
            rows.append([f"{YEAR}-Q{quarter}/revenue/{team}", "", team, f"{YEAR}-{first:02d}-01",
                         f"{YEAR}-{last_month:02d}-{last_day:02d}", "revenue", target,
                         round_to(target * Decimal("1.2"), 1000), round_to(target * Decimal("1.5"), 1000)])

    with open(OUT, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["quota_id", "agent", "team", "period_start", "period_end", "metric", "target", "stretch",
                         "challenge"])
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
    print(f"wrote {OUT.relative_to(HERE)}: {len(rows)} rows "
          f"({len(agents)} agents x {3 * len(QUARTERS)} months x 3 metrics + {len(teams)} teams x {len(QUARTERS)} quarters)")


if __name__ == "__main__":
    main()
