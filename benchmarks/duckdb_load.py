#!/usr/bin/env python3
"""Reference load: read a generated workspace's CSV files into DuckDB in-memory tables.

Usage:
    python3 benchmarks/duckdb_load.py DIR [--threads N]

DIR is a workspace written by generate_workspace.py (CSV files in DIR/data/).
Each file is loaded with an explicit schema:

    CREATE TABLE t AS SELECT * FROM read_csv('DIR/data/t.csv', header=true, columns={...})

Prints ONE JSON line on stdout:
    {"engine":"duckdb","seconds":..., "rows":..., "peak_rss_bytes":..., "baseline_rss_bytes":...}

seconds            wall time of the eight CREATE TABLE statements (sum, sequential)
rows               total rows loaded (data rows, headers excluded)
peak_rss_bytes     ru_maxrss of this process * 1024 (Linux reports KiB)
baseline_rss_bytes current RSS after `import duckdb` + connect, before any load

Run it in its own process (ru_maxrss is a process-lifetime high-water mark).
"""
import json
import os
import resource
import sys
import time

V, I, M, D, TS = "VARCHAR", "BIGINT", "DECIMAL(18,2)", "DATE", "TIMESTAMP"

SCHEMAS = {
    "teams": [("id", V), ("name", V), ("parent", V), ("kind", V)],
    "users": [("id", V), ("name", V), ("email", V), ("team", V), ("role", V), ("manager", V),
              ("hire_date", D), ("leave_date", D)],
    "accounts": [("id", V), ("name", V), ("industry", V), ("region", V), ("owner", V), ("created_at", D)],
    "opportunities": [("id", V), ("name", V), ("account", V), ("owner", V), ("product", V), ("stage", V),
                      ("amount", M), ("created_at", D), ("closed_at", D)],
    "activities": [("id", V), ("type", V), ("direction", V), ("owner", V), ("account", V),
                   ("occurred_at", TS), ("duration_seconds", I)],
    "cases": [("id", V), ("account", V), ("owner", V), ("priority", V), ("channel", V), ("status", V),
              ("opened_at", TS), ("first_response_at", TS), ("resolved_at", TS)],
    "surveys": [("id", V), ("type", V), ("user", V), ("account", V), ("submitted_at", TS), ("score", I)],
    "quotas": [("id", V), ("user", V), ("team", V), ("period_start", D), ("period_end", D), ("metric", V),
               ("target", M), ("stretch", M), ("challenge", M)],
}


def current_rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def sql_str(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def load_sql(table: str, path: str) -> str:
    cols = ", ".join(f"{sql_str(name)}: {sql_str(typ)}" for name, typ in SCHEMAS[table])
    return (f'CREATE TABLE "{table}" AS SELECT * FROM read_csv({sql_str(path)}, header=true, delim=\',\', '
            f"quote='\"', columns={{{cols}}})")


def main(argv) -> int:
    import argparse

    ap = argparse.ArgumentParser(description="Load a Yardstick synthetic workspace into DuckDB (in-memory).")
    ap.add_argument("dir", help="workspace directory (contains data/*.csv)")
    ap.add_argument("--threads", type=int, default=0, help="DuckDB threads (default: DuckDB's default = all cores)")
    ap.add_argument("--verbose", action="store_true", help="per-table timings on stderr")
    ap.add_argument("--check", action="store_true",
                    help="after timing, verify generator invariants (stderr; exit 1 on failure)")
    a = ap.parse_args(argv)

    data = os.path.join(a.dir, "data")
    missing = [t for t in SCHEMAS if not os.path.isfile(os.path.join(data, f"{t}.csv"))]
    if missing:
        print(f"duckdb_load: missing {', '.join(missing)} in {data}", file=sys.stderr)
        return 2

    import duckdb

    con = duckdb.connect(":memory:")
    if a.threads > 0:
        con.execute(f"SET threads = {a.threads}")
    baseline = current_rss_bytes()

    rows = 0
    total = 0.0
    for table in SCHEMAS:
        sql = load_sql(table, os.path.abspath(os.path.join(data, f"{table}.csv")))
        t0 = time.perf_counter()
        con.execute(sql)
        dt = time.perf_counter() - t0
        total += dt
        n = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        rows += n
        if a.verbose:
            print(f"{table:<14} {n:>12,} rows {dt:8.3f} s", file=sys.stderr)

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"engine": "duckdb", "seconds": round(total, 4), "rows": rows,
                      "peak_rss_bytes": peak, "baseline_rss_bytes": baseline,
                      "duckdb_version": duckdb.__version__,
                      "threads": con.execute("SELECT current_setting('threads')").fetchone()[0]}))
    ok = check(con) if a.check else True
    con.close()
    return 0 if ok else 1


# Each query returns the number of violating rows (0 = pass). Not part of the timed section.
CHECKS = [
    ("opportunities: closed_at >= created_at",
     "SELECT count(*) FROM opportunities WHERE closed_at < created_at"),
    ("opportunities: closed_at set iff stage won/lost",
     "SELECT count(*) FROM opportunities WHERE (closed_at IS NOT NULL) <> (stage IN ('won','lost'))"),
    ("opportunities: dates inside 2025-01-01..2026-12-31",
     "SELECT count(*) FROM opportunities WHERE created_at < DATE '2025-01-01' OR created_at > DATE '2026-12-31' "
     "OR closed_at > DATE '2026-12-31'"),
    ("opportunities: stage vocabulary",
     "SELECT count(*) FROM opportunities WHERE stage NOT IN "
     "('prospecting','qualification','proposal','negotiation','won','lost')"),
    ("opportunities: account exists",
     "SELECT count(*) FROM opportunities o ANTI JOIN accounts a ON o.account = a.id"),
    ("every owner exists in users (accounts, opportunities, activities, cases)",
     "SELECT (SELECT count(*) FROM accounts x ANTI JOIN users u ON x.owner = u.id)"
     " + (SELECT count(*) FROM opportunities x ANTI JOIN users u ON x.owner = u.id)"
     " + (SELECT count(*) FROM activities x ANTI JOIN users u ON x.owner = u.id)"
     " + (SELECT count(*) FROM cases x ANTI JOIN users u ON x.owner = u.id)"),
    ("surveys/quotas: user exists; quotas: team exists",
     "SELECT (SELECT count(*) FROM surveys x ANTI JOIN users u ON x.user = u.id)"
     " + (SELECT count(*) FROM quotas x ANTI JOIN users u ON x.user = u.id WHERE x.user IS NOT NULL)"
     " + (SELECT count(*) FROM quotas x ANTI JOIN teams t ON x.team = t.id WHERE x.team IS NOT NULL)"),
    ("users: team exists and is kind=team; manager exists",
     "SELECT (SELECT count(*) FROM users x ANTI JOIN (SELECT id FROM teams WHERE kind='team') t ON x.team = t.id)"
     " + (SELECT count(*) FROM users x WHERE manager IS NOT NULL AND manager NOT IN (SELECT id FROM users))"),
    ("users: leave_date > hire_date",
     "SELECT count(*) FROM users WHERE leave_date <= hire_date"),
    ("teams: parents (team->department->company root)",
     "SELECT count(*) FROM teams c LEFT JOIN teams p ON c.parent = p.id WHERE NOT ("
     "(c.kind='company' AND c.parent IS NULL) OR (c.kind='department' AND p.kind='company') "
     "OR (c.kind='team' AND p.kind='department'))"),
    ("activities: duration empty iff email; type/direction vocabulary",
     "SELECT count(*) FROM activities WHERE (duration_seconds IS NULL) <> (type = 'email') "
     "OR type NOT IN ('call','visit','email','meeting') OR direction NOT IN ('inbound','outbound')"),
    ("activities: occurred_at inside the window",
     "SELECT count(*) FROM activities WHERE occurred_at < TIMESTAMP '2025-01-01' OR occurred_at >= TIMESTAMP '2027-01-01'"),
    ("cases: first_response_at > opened_at, resolved_at > first_response_at",
     "SELECT count(*) FROM cases WHERE first_response_at <= opened_at OR resolved_at <= opened_at "
     "OR resolved_at <= first_response_at OR (resolved_at IS NOT NULL AND first_response_at IS NULL)"),
    ("cases: resolved_at set iff status resolved/closed; first response missing only when open",
     "SELECT count(*) FROM cases WHERE (resolved_at IS NOT NULL) <> (status IN ('resolved','closed')) "
     "OR (first_response_at IS NULL AND status <> 'open')"),
    ("surveys: csat 1..5, nps 0..10",
     "SELECT count(*) FROM surveys WHERE NOT ((type='csat' AND score BETWEEN 1 AND 5) "
     "OR (type='nps' AND score BETWEEN 0 AND 10))"),
    ("quotas: 24 monthly rows per user, 8 quarterly per team, 2 yearly per department; stretch = 1.2x, "
     "challenge = 1.5x; a row has a user or a team, never both",
     "SELECT (SELECT count(*) FROM quotas WHERE stretch <> target * 1.2 OR challenge <> target * 1.5 "
     "OR (\"user\" IS NULL) = (team IS NULL) OR metric <> 'revenue' OR period_end < period_start)"
     " + (SELECT count(*) FROM (SELECT \"user\" FROM quotas WHERE \"user\" IS NOT NULL GROUP BY \"user\" "
     "HAVING count(DISTINCT period_start) <> 24))"
     " + (SELECT count(*) FROM users) * 24 - (SELECT count(*) FROM quotas WHERE \"user\" IS NOT NULL)"
     " + (SELECT count(*) FROM teams WHERE kind = 'team') * 8 + (SELECT count(*) FROM teams WHERE kind = 'department') * 2"
     " - (SELECT count(*) FROM quotas WHERE team IS NOT NULL)"),
    ("ids unique",
     "SELECT (SELECT count(*) - count(DISTINCT id) FROM opportunities) + (SELECT count(*) - count(DISTINCT id) FROM "
     "activities) + (SELECT count(*) - count(DISTINCT id) FROM users) + (SELECT count(*) - count(DISTINCT id) FROM "
     "accounts) + (SELECT count(*) - count(DISTINCT id) FROM cases)"),
]


def check(con) -> bool:
    ok = True
    for label, q in CHECKS:
        bad = con.execute(q).fetchone()[0]
        ok &= bad == 0
        print(f"{'ok  ' if bad == 0 else 'FAIL'} {label}" + ("" if bad == 0 else f"  ({bad} violations)"),
              file=sys.stderr)
    return ok


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
