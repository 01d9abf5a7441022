#!/usr/bin/env python3
"""Reference evaluation: the 13 benchmark indicators per user and month, in DuckDB SQL.

Usage:
    python3 benchmarks/duckdb_eval.py DIR [--out FILE.csv] [--threads N] [--verbose]

DIR is a workspace written by generate_workspace.py. The CSV files are loaded exactly as
duckdb_load.py loads them (same schemas; not timed). Then the 13 figures of
benchmarks/indicators/*.lua are computed for every user x every month 2025-01..2026-12
(24 periods) with one SQL statement, and separately for the month 2026-10 alone.

Prints ONE JSON line on stdout:
    {"engine":"duckdb","seconds":...,"seconds_one_month":...,"figures":...,"peak_rss_bytes":...,...}

seconds            wall time of the 24-month query, execution + fetch of the result rows
                   (users x months rows, 13 value columns) into Python; loading and CSV writing
                   are excluded
seconds_one_month  the same for the single month 2026-10 (users rows)

--end-to-end: only what `yardstick run --period 2026-10` does (load, the one-month query, --out of
that month), for timing the whole process from outside; prints engine "duckdb-e2e".
figures            users x 24 x 13 (missing values included)
load_seconds       (extra) wall time of the eight CREATE TABLE statements

--out FILE writes the 24-month figures as Yardstick's long CSV:
    period,grain,subject_id,subject_name,indicator,value,unit,status
period = 2025-01 .. 2026-12, grain = user, sorted by period, subject_id, indicator.

Semantics (must match the Lua definitions and Yardstick's engine)
-----------------------------------------------------------------
"in the period" = the date, or the UTC calendar day of the datetime, lies within the month
(both ends inclusive). Users without any row still get a line for every month (a users x
months grid). Empty sets: counts and count_distinct -> 0; sums -> 0 (revenue is an exact
decimal, "0"); averages -> missing; ratio(a, b) -> missing when b = 0.
  revenue                 sum(amount), stage = won, closed_at in period          (decimal)
  won_deals               count, stage = won, closed_at in period
  win_rate                won / count(stage in (won, lost), closed_at in period)
  avg_won_deal_size       double(sum(amount)) / count over won closed in period
  avg_sales_cycle_days    mean(closed_at - created_at, days) over won closed in period
  calls / visits          count activities type = call / visit, occurred_at in period
  distinct_accounts_touched  count(distinct non-null account) over activities in period
  cases_resolved          count cases with resolved_at in period (any status)
  avg_resolution_hours    mean(resolved_at - opened_at, hours) over cases resolved in period
  avg_csat                mean(score) over surveys type = csat submitted in period
  new_accounts            count accounts owned by the user with created_at in period
  quota_completion        double(revenue) / double(sum(target)) over quotas metric = revenue,
                          period_start in period; missing when that sum is 0 (or no quota)
Floats are written with Python repr, decimals without trailing zeros, counts as integers.
"""
import csv
import json
import os
import resource
import sys
import time
from datetime import date, timedelta
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from duckdb_load import SCHEMAS, load_sql  # noqa: E402

INDICATORS = [  # (id, unit) in output order (alphabetical)
    ("avg_csat", "score"),
    ("avg_resolution_hours", "hours"),
    ("avg_sales_cycle_days", "days"),
    ("avg_won_deal_size", "money"),
    ("calls", "count"),
    ("cases_resolved", "count"),
    ("distinct_accounts_touched", "count"),
    ("new_accounts", "count"),
    ("quota_completion", "percent"),
    ("revenue", "money"),
    ("visits", "count"),
    ("win_rate", "percent"),
    ("won_deals", "count"),
]


def eval_sql(first: str, last: str) -> str:
    """One row per user x month in [first, last] (month boundaries), 13 value columns."""
    d0, d1 = f"DATE '{first}'", f"DATE '{last}'"
    t0, t1 = f"TIMESTAMP '{first} 00:00:00'", f"(TIMESTAMP '{last} 00:00:00' + INTERVAL 1 DAY)"
    return f"""
WITH months AS (
  SELECT CAST(m AS DATE) AS month FROM generate_series({d0}, {d1}, INTERVAL 1 MONTH) t(m)
),
grid AS (SELECT u.id AS uid, u.name AS uname, m.month FROM users u CROSS JOIN months m),
opp AS (
  SELECT owner AS uid, CAST(date_trunc('month', closed_at) AS DATE) AS month,
         count(*) FILTER (WHERE stage = 'won') AS won,
         count(*) FILTER (WHERE stage IN ('won', 'lost')) AS decided,
         sum(amount) FILTER (WHERE stage = 'won') AS rev,
         sum(date_diff('day', created_at, closed_at))
           FILTER (WHERE stage = 'won' AND created_at IS NOT NULL) AS cycle_days,
         count(*) FILTER (WHERE stage = 'won' AND created_at IS NOT NULL) AS cycle_n
  FROM opportunities WHERE closed_at BETWEEN {d0} AND {d1} GROUP BY ALL
),
act AS (
  SELECT owner AS uid, CAST(date_trunc('month', occurred_at) AS DATE) AS month,
         count(*) FILTER (WHERE type = 'call') AS calls,
         count(*) FILTER (WHERE type = 'visit') AS visits,
         count(DISTINCT account) AS accounts_touched
  FROM activities WHERE occurred_at >= {t0} AND occurred_at < {t1} GROUP BY ALL
),
cas AS (
  SELECT owner AS uid, CAST(date_trunc('month', resolved_at) AS DATE) AS month,
         count(*) AS resolved,
         sum(epoch(resolved_at) - epoch(opened_at)) FILTER (WHERE opened_at IS NOT NULL) AS secs,
         count(*) FILTER (WHERE opened_at IS NOT NULL) AS secs_n
  FROM cases WHERE resolved_at >= {t0} AND resolved_at < {t1} GROUP BY ALL
),
sur AS (
  SELECT "user" AS uid, CAST(date_trunc('month', submitted_at) AS DATE) AS month,
         sum(score) AS score_sum, count(score) AS score_n
  FROM surveys WHERE type = 'csat' AND submitted_at >= {t0} AND submitted_at < {t1} GROUP BY ALL
),
acc AS (
  SELECT owner AS uid, CAST(date_trunc('month', created_at) AS DATE) AS month, count(*) AS n
  FROM accounts WHERE created_at BETWEEN {d0} AND {d1} GROUP BY ALL
),
quo AS (
  SELECT "user" AS uid, CAST(date_trunc('month', period_start) AS DATE) AS month, sum(target) AS target
  FROM quotas WHERE metric = 'revenue' AND period_start BETWEEN {d0} AND {d1} GROUP BY ALL
)
SELECT strftime(g.month, '%Y-%m') AS period, g.uid, g.uname,
  CAST(sur.score_sum AS DOUBLE) / nullif(sur.score_n, 0)                     AS avg_csat,
  CAST(cas.secs AS DOUBLE) / 3600.0 / nullif(cas.secs_n, 0)                  AS avg_resolution_hours,
  CAST(opp.cycle_days AS DOUBLE) / nullif(opp.cycle_n, 0)                    AS avg_sales_cycle_days,
  CAST(opp.rev AS DOUBLE) / nullif(opp.won, 0)                               AS avg_won_deal_size,
  coalesce(act.calls, 0)                                                     AS calls,
  coalesce(cas.resolved, 0)                                                  AS cases_resolved,
  coalesce(act.accounts_touched, 0)                                          AS distinct_accounts_touched,
  coalesce(acc.n, 0)                                                         AS new_accounts,
  CAST(coalesce(opp.rev, 0) AS DOUBLE) / nullif(CAST(coalesce(quo.target, 0) AS DOUBLE), 0)
                                                                             AS quota_completion,
  coalesce(opp.rev, CAST(0 AS DECIMAL(38, 2)))                               AS revenue,
  coalesce(act.visits, 0)                                                    AS visits,
  CAST(opp.won AS DOUBLE) / nullif(opp.decided, 0)                           AS win_rate,
  coalesce(opp.won, 0)                                                       AS won_deals
FROM grid g
LEFT JOIN opp USING (uid, month)
LEFT JOIN act USING (uid, month)
LEFT JOIN cas USING (uid, month)
LEFT JOIN sur USING (uid, month)
LEFT JOIN acc USING (uid, month)
LEFT JOIN quo USING (uid, month)
ORDER BY period, g.uid
"""


def fmt_value(v):
    if v is None:
        return "", "missing"
    if isinstance(v, bool):
        return ("true" if v else "false"), "ok"
    if isinstance(v, int):
        return str(v), "ok"
    if isinstance(v, Decimal):
        s = format(v, "f")
        if "." in s:
            s = s.rstrip("0").rstrip(".")
        return ("0" if s in ("", "-0") else s), "ok"
    return repr(float(v)), "ok"


def write_csv(path, rows):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["period", "grain", "subject_id", "subject_name", "indicator", "value", "unit", "status"])
        for row in rows:
            period, uid, uname = row[0], row[1], row[2]
            for (ind, unit), v in zip(INDICATORS, row[3:]):
                value, status = fmt_value(v)
                w.writerow([period, "user", uid, uname, ind, value, unit, status])


def timed(con, sql):
    t0 = time.perf_counter()
    rows = con.execute(sql).fetchall()
    return time.perf_counter() - t0, rows


def main(argv) -> int:
    import argparse

    ap = argparse.ArgumentParser(description="Compute the 13 benchmark indicators per user and month in DuckDB.")
    ap.add_argument("dir", help="workspace directory (contains data/*.csv)")
    ap.add_argument("--out", help="write the 24-month figures as long CSV to this path")
    ap.add_argument("--threads", type=int, default=0, help="DuckDB threads (default: all cores)")
    ap.add_argument("--first", default="2025-01-01", help="first month (default 2025-01-01)")
    ap.add_argument("--last", default="2026-12-01", help="last month, its first day (default 2026-12-01)")
    ap.add_argument("--one-month", default="2026-10-01", help="month timed alone (default 2026-10-01)")
    ap.add_argument("--end-to-end", action="store_true",
                    help="what a whole `yardstick run --period MONTH` does: load, compute the --one-month month "
                         "only, write it (--out) and exit; prints engine duckdb-e2e (time it from outside)")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args(argv)

    data = os.path.join(a.dir, "data")
    missing = [t for t in SCHEMAS if not os.path.isfile(os.path.join(data, f"{t}.csv"))]
    if missing:
        print(f"duckdb_eval: missing {', '.join(missing)} in {data}", file=sys.stderr)
        return 2

    import duckdb

    con = duckdb.connect(":memory:")
    if a.threads > 0:
        con.execute(f"SET threads = {a.threads}")
    t0 = time.perf_counter()
    for table in SCHEMAS:
        con.execute(load_sql(table, os.path.abspath(os.path.join(data, f"{table}.csv"))))
    load_seconds = time.perf_counter() - t0
    if a.verbose:
        print(f"loaded in {load_seconds:.3f} s", file=sys.stderr)

    def month_end(first: str) -> str:
        d = date.fromisoformat(first)
        nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return (nxt - timedelta(days=1)).isoformat()

    # Bounds of eval_sql are day ranges; the grid is generated month by month from `first`.
    full_sql = eval_sql(a.first, month_end(a.last))
    one_sql = eval_sql(a.one_month, month_end(a.one_month))

    if a.end_to_end:
        seconds_one, rows_one = timed(con, one_sql)
        if a.out:
            write_csv(a.out, rows_one)
        print(json.dumps({"engine": "duckdb-e2e", "seconds": round(load_seconds + seconds_one, 4),
                          "load_seconds": round(load_seconds, 4), "seconds_one_month": round(seconds_one, 4),
                          "figures": len(rows_one) * len(INDICATORS),
                          "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                          "duckdb_version": duckdb.__version__,
                          "threads": con.execute("SELECT current_setting('threads')").fetchone()[0]}))
        con.close()
        return 0

    seconds, rows = timed(con, full_sql)
    seconds_one, rows_one = timed(con, one_sql)
    if a.verbose:
        print(f"24 months: {seconds:.3f} s, {len(rows)} rows; one month: {seconds_one:.3f} s, "
              f"{len(rows_one)} rows", file=sys.stderr)

    n_users = con.execute("SELECT count(*) FROM users").fetchone()[0]
    n_months = len({r[0] for r in rows})
    assert len(rows) == n_users * n_months, (len(rows), n_users, n_months)
    figures = len(rows) * len(INDICATORS)
    n_missing = sum(1 for r in rows for v in r[3:] if v is None)

    # The one-month run must agree with the same month inside the 24-month run.
    label = a.one_month[:7]
    same = [r for r in rows if r[0] == label]
    if same != rows_one:
        print(f"duckdb_eval: WARNING one-month result for {label} differs from the 24-month run",
              file=sys.stderr)

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    if a.out:
        write_csv(a.out, rows)
        if a.verbose:
            print(f"wrote {a.out}", file=sys.stderr)
    print(json.dumps({"engine": "duckdb", "seconds": round(seconds, 4),
                      "seconds_one_month": round(seconds_one, 4), "figures": figures,
                      "missing": n_missing, "users": n_users, "periods": n_months,
                      "peak_rss_bytes": peak, "load_seconds": round(load_seconds, 4),
                      "duckdb_version": duckdb.__version__,
                      "threads": con.execute("SELECT current_setting('threads')").fetchone()[0]}))
    con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
