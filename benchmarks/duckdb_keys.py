#!/usr/bin/env python3
"""Reference evaluation of the key-view benchmark: three customer indicators per user and month, in DuckDB SQL.

Usage:
    python3 benchmarks/duckdb_keys.py DIR [--out FILE.csv] [--threads N] [--verbose]

DIR is a workspace written by generate_workspace.py, loaded exactly as duckdb_load.py loads it
(not timed). The three figures of benchmarks/indicators-keys/*.lua are computed for every user x
every month 2025-01..2026-12 (24 periods) with one SQL statement.

Prints ONE JSON line on stdout:
    {"engine":"duckdb","seconds":...,"figures":...,"peak_rss_bytes":...,...}

seconds   wall time of the 24-month query, execution + fetch of the result rows into Python
          (loading and CSV writing excluded)

--out FILE writes the figures as Yardstick's long CSV (period,grain,subject_id,subject_name,
indicator,value,unit,status), sorted by period, subject and indicator.

Definitions (identical to the Lua files; "won deal" = opportunity with stage won, attributed to
its owner; "in the month" = the date, or the UTC day of the datetime, within the month):
  new_customers         accounts whose first won deal with the user (over all history) closed in
                        the month
  retention             accounts with a won deal closed or an activity in the previous month
                        (the user's) that have one in this month too, over those of the previous
                        month; missing when the previous month has none
  repeat_purchase_rate  of the accounts with a won deal closed in the month, the share that have
                        two or more in the month or had one closed before the month; missing
                        when none
Rows whose account is empty are not accounts (null keys are dropped).
"""
import csv
import json
import os
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from duckdb_load import SCHEMAS, load_sql  # noqa: E402

INDICATORS = [("new_customers", "count"), ("repeat_purchase_rate", "percent"), ("retention", "percent")]


def keys_sql(first: str, last: str) -> str:
    """One row per user x month from `first` to `last` (first days of months), 3 value columns."""
    d0, d1 = f"DATE '{first}'", f"DATE '{last}'"
    return f"""
WITH months AS (
  SELECT CAST(m AS DATE) AS month FROM generate_series({d0}, {d1}, INTERVAL 1 MONTH) t(m)
),
grid AS (SELECT u.id AS uid, u.name AS uname, m.month FROM users u CROSS JOIN months m),
won AS (
  SELECT owner AS uid, account, closed_at FROM opportunities
  WHERE stage = 'won' AND account IS NOT NULL AND owner IS NOT NULL AND closed_at IS NOT NULL
),
firsts AS (SELECT uid, account, min(closed_at) AS first FROM won GROUP BY ALL),
new_customers AS (
  SELECT uid, CAST(date_trunc('month', first) AS DATE) AS month, count(*) AS n FROM firsts GROUP BY ALL
),
active AS (
  SELECT DISTINCT uid, account, month FROM (
    SELECT uid, account, CAST(date_trunc('month', closed_at) AS DATE) AS month FROM won
    UNION ALL
    SELECT owner, account, CAST(date_trunc('month', occurred_at) AS DATE) FROM activities
    WHERE account IS NOT NULL AND owner IS NOT NULL AND occurred_at IS NOT NULL
  )
),
retention AS (
  SELECT p.uid, CAST(p.month + INTERVAL 1 MONTH AS DATE) AS month, count(*) AS previous, count(c.account) AS kept
  FROM active p
  LEFT JOIN active c ON c.uid = p.uid AND c.account = p.account AND c.month = CAST(p.month + INTERVAL 1 MONTH AS DATE)
  GROUP BY ALL
),
buyers AS (
  SELECT uid, account, CAST(date_trunc('month', closed_at) AS DATE) AS month, count(*) AS n FROM won GROUP BY ALL
),
repeaters AS (
  SELECT b.uid, b.month, count(*) AS buyers, count(*) FILTER (WHERE b.n >= 2 OR f.first < b.month) AS repeat
  FROM buyers b JOIN firsts f ON f.uid = b.uid AND f.account = b.account
  GROUP BY ALL
)
SELECT strftime(g.month, '%Y-%m') AS period, g.uid, g.uname,
  coalesce(new_customers.n, 0)                                         AS new_customers,
  CAST(repeaters.repeat AS DOUBLE) / nullif(repeaters.buyers, 0)       AS repeat_purchase_rate,
  CAST(retention.kept AS DOUBLE) / nullif(retention.previous, 0)       AS retention
FROM grid g
LEFT JOIN new_customers USING (uid, month)
LEFT JOIN repeaters USING (uid, month)
LEFT JOIN retention USING (uid, month)
ORDER BY period, g.uid
"""


def fmt_value(v):
    if v is None:
        return "", "missing"
    if isinstance(v, int):
        return str(v), "ok"
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


def main(argv) -> int:
    import argparse

    ap = argparse.ArgumentParser(description="Compute the key-view benchmark indicators per user and month in DuckDB.")
    ap.add_argument("dir", help="workspace directory (contains data/*.csv)")
    ap.add_argument("--out", help="write the figures as long CSV to this path")
    ap.add_argument("--threads", type=int, default=0, help="DuckDB threads (default: all cores)")
    ap.add_argument("--first", default="2025-01-01", help="first month (default 2025-01-01)")
    ap.add_argument("--last", default="2026-12-01", help="last month, its first day (default 2026-12-01)")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args(argv)

    data = os.path.join(a.dir, "data")
    missing = [t for t in SCHEMAS if not os.path.isfile(os.path.join(data, f"{t}.csv"))]
    if missing:
        print(f"duckdb_keys: missing {', '.join(missing)} in {data}", file=sys.stderr)
        return 2

    import duckdb

    con = duckdb.connect(":memory:")
    if a.threads > 0:
        con.execute(f"SET threads = {a.threads}")
    t0 = time.perf_counter()
    for table in SCHEMAS:
        con.execute(load_sql(table, os.path.abspath(os.path.join(data, f"{table}.csv"))))
    load_seconds = time.perf_counter() - t0

    t0 = time.perf_counter()
    rows = con.execute(keys_sql(a.first, a.last)).fetchall()
    seconds = time.perf_counter() - t0
    if a.verbose:
        print(f"24 months: {seconds:.3f} s, {len(rows)} rows", file=sys.stderr)

    n_users = con.execute("SELECT count(*) FROM users").fetchone()[0]
    n_months = len({r[0] for r in rows})
    assert len(rows) == n_users * n_months, (len(rows), n_users, n_months)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    if a.out:
        write_csv(a.out, rows)
    print(json.dumps({"engine": "duckdb", "seconds": round(seconds, 4), "figures": len(rows) * len(INDICATORS),
                      "missing": sum(1 for r in rows for v in r[3:] if v is None), "users": n_users,
                      "periods": n_months, "peak_rss_bytes": peak, "load_seconds": round(load_seconds, 4),
                      "duckdb_version": duckdb.__version__,
                      "threads": con.execute("SELECT current_setting('threads')").fetchone()[0]}))
    con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
