#!/usr/bin/env python3
"""Independent cross-check of the CDNOW example: the expected value of every indicator.

What it computes
----------------
From data/CDNOW_master.txt as shipped, with two tools that share no code with Yardstick:

- `lifetimes` 0.11.3, `summary_data_from_transaction_data` -- the reference definition of the
  per-customer frequency, recency, T and monetary value for the calibration window of the
  dataset's README (observation end 1997-09-30 inclusive, daily data, weeks as the unit:
  freq='D', freq_multiplier=7; purchases after the end are dropped by lifetimes itself);
- DuckDB SQL -- the same four figures again (the script stops when the two disagree), the
  peer bins (R, F and M scores 1-5, the weighted RFM score) and the company figures: new
  customers by month, repeat-purchase rate and retention by quarter, the cohort table.

It writes, into expected/:

  customers.csv    customer_id, frequency, recency, T, monetary_value, weeks_since_last,
                   r_score, f_score, m_score, rfm_score        (23,570 rows)
  new_customers.csv   period (1997-01..1998-06), new_customers
  quarters.csv        period (1997-Q1..1998-Q2), active_customers, repeat_purchase_rate,
                      retention_rate (empty: missing, no customers the quarter before)
  cohorts.csv         cohort (first-purchase month), period (month), months_since,
                      active_customers

Floats are written with repr (shortest round-trip). The Swift test
Tests/YardstickCLITests/CDNOWCrossCheckTests.swift runs `yardstick run` on the example and
compares every customer's and every period's values with these files.

Definitions (the same words as the indicators' descriptions and README.md)
--------------------------------------------------------------------------
- frequency: distinct purchase days up to the end, minus 1 (same-day rows are one purchase);
- recency: (last purchase day - first purchase day) / 7;  T: (end - first purchase day) / 7;
- monetary_value: mean of the per-day dollar totals of the purchase days after the first
  (0 when there is none, as lifetimes does);
- weeks_since_last: (end - last purchase day) / 7 = T - recency, lower is better;
- quantile bins (n = 5): among the N customers with a value, a customer whose value is
  better than exactly `below` others' gets bin 1 + floor(5 * below / N); ties share a bin;
  r_score on weeks_since_last (lower better), f_score on frequency, m_score on monetary_value;
- rfm_score = 0.5 * r_score + 0.3 * f_score + 0.2 * m_score;
- a customer is active in a period when they bought in it; new when their first purchase
  ever falls in it; repeat-purchase rate = active customers with two or more purchase days in
  the period / active customers; retention = customers active in the previous period and in
  this one / customers active in the previous period.

Usage: python3 crosscheck.py [--check]   (--check: compare with the committed files, write
nothing, exit 1 on a difference). Needs: pip install --user lifetimes duckdb
"""

import csv
import io
import sys
from pathlib import Path

import duckdb
import pandas as pd
from lifetimes.utils import summary_data_from_transaction_data

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "CDNOW_master.txt"
OUT = HERE / "expected"
END = "1997-09-30"
WEIGHTS = {"r_score": 0.5, "f_score": 0.3, "m_score": 0.2}
BINS = 5


def transactions():
    frame = pd.read_csv(DATA, sep=r"\s+", dtype={"customer_id": str, "date": str})
    frame["date"] = pd.to_datetime(frame["date"], format="%Y%m%d")
    assert len(frame) == 69659 and frame["customer_id"].nunique() == 23570, "not CDNOW_master as shipped"
    return frame


def lifetimes_summary(frame):
    summary = summary_data_from_transaction_data(
        frame, "customer_id", "date", monetary_value_col="dollar_value", observation_period_end=END,
        freq="D", freq_multiplier=7)
    return summary.sort_index()


def bins_sql(column, better):
    worse = "<" if better == "higher" else ">"
    return f"""1 + ({BINS} * (SELECT count(*) FROM summary o WHERE o.{column} {worse} s.{column}))
               // (SELECT count(*) FROM summary)"""


def duckdb_figures(frame):
    con = duckdb.connect()
    con.register("raw", frame)
    con.execute("""
        CREATE TABLE orders AS SELECT customer_id, CAST(date AS DATE) AS day, dollar_value FROM raw""")
    con.execute(f"""
        CREATE TABLE days AS
        SELECT customer_id, day, sum(dollar_value) AS total FROM orders
        WHERE day <= DATE '{END}' GROUP BY customer_id, day""")
    con.execute(f"""
        CREATE TABLE summary AS
        WITH firsts AS (SELECT customer_id, min(day) AS first_day, max(day) AS last_day,
                               count(*) AS purchase_days FROM days GROUP BY customer_id)
        SELECT f.customer_id,
               CAST(purchase_days - 1 AS DOUBLE) AS frequency,
               (last_day - first_day) / 7.0 AS recency,
               (DATE '{END}' - first_day) / 7.0 AS T,
               coalesce((SELECT avg(d.total) FROM days d
                         WHERE d.customer_id = f.customer_id AND d.day > f.first_day), 0) AS monetary_value,
               (DATE '{END}' - last_day) / 7.0 AS weeks_since_last
        FROM firsts f""")
    customers = con.execute(f"""
        SELECT customer_id, frequency, recency, T, monetary_value, weeks_since_last,
               {bins_sql('weeks_since_last', 'lower')} AS r_score,
               {bins_sql('frequency', 'higher')} AS f_score,
               {bins_sql('monetary_value', 'higher')} AS m_score
        FROM summary s ORDER BY customer_id""").df()
    customers["rfm_score"] = sum(weight * customers[name] for name, weight in WEIGHTS.items())

    new_customers = con.execute("""
        WITH months AS (SELECT strftime(m, '%Y-%m') AS period
                        FROM range(DATE '1997-01-01', DATE '1998-07-01', INTERVAL 1 MONTH) t(m)),
             firsts AS (SELECT customer_id, strftime(min(day), '%Y-%m') AS period FROM orders
                        GROUP BY customer_id)
        SELECT months.period, count(firsts.customer_id) AS new_customers
        FROM months LEFT JOIN firsts USING (period) GROUP BY months.period ORDER BY months.period""").df()

    quarters = con.execute("""
        WITH q AS (SELECT customer_id, year(day) * 4 + quarter(day) - 1 AS q, count(DISTINCT day) AS n
                   FROM orders GROUP BY ALL),
             all_q AS (SELECT 1997 * 4 + i AS q FROM range(0, 6) t(i))
        SELECT (all_q.q // 4) || '-Q' || (all_q.q % 4 + 1) AS period,
               (SELECT count(*) FROM q WHERE q.q = all_q.q) AS active_customers,
               (SELECT count(*) FILTER (WHERE n >= 2) / count(*) FROM q WHERE q.q = all_q.q)
                   AS repeat_purchase_rate,
               (SELECT CASE WHEN count(*) = 0 THEN NULL
                            ELSE count(*) FILTER (WHERE EXISTS (SELECT 1 FROM q c
                                 WHERE c.customer_id = p.customer_id AND c.q = all_q.q)) / count(*) END
                FROM q p WHERE p.q = all_q.q - 1) AS retention_rate
        FROM all_q ORDER BY all_q.q""").df()

    cohorts = con.execute("""
        WITH firsts AS (SELECT customer_id, date_trunc('month', min(day)) AS cohort FROM orders
                        GROUP BY customer_id),
             active AS (SELECT DISTINCT customer_id, date_trunc('month', day) AS month FROM orders)
        SELECT strftime(cohort, '%Y-%m') AS cohort, strftime(month, '%Y-%m') AS period,
               datediff('month', cohort, month) AS months_since, count(*) AS active_customers
        FROM active JOIN firsts USING (customer_id)
        GROUP BY ALL ORDER BY cohort, period""").df()
    return customers, new_customers, quarters, cohorts


def agree(reference, duck):
    """Stops when lifetimes and DuckDB differ on any customer."""
    assert list(reference.index) == list(duck["customer_id"]), "customer lists differ"
    for name in ["frequency", "recency", "T", "monetary_value"]:
        gap = (reference[name].to_numpy() - duck[name].to_numpy())
        worst = abs(gap).max()
        assert worst < 1e-9, f"lifetimes and DuckDB differ on {name} by up to {worst}"


def text(value):
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def csv_text(frame, columns):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in frame[columns].itertuples(index=False):
        writer.writerow([text(v.item() if hasattr(v, "item") else v) for v in row])
    return out.getvalue()


def main():
    check = "--check" in sys.argv[1:]
    frame = transactions()
    reference = lifetimes_summary(frame)
    customers, new_customers, quarters, cohorts = duckdb_figures(frame)
    agree(reference, customers)
    # The four lifetimes figures come from lifetimes itself; DuckDB only confirmed them.
    for name in ["frequency", "recency", "T", "monetary_value"]:
        customers[name] = reference[name].to_numpy()
    files = {
        "customers.csv": csv_text(customers, [
            "customer_id", "frequency", "recency", "T", "monetary_value", "weeks_since_last", "r_score",
            "f_score", "m_score", "rfm_score"]),
        "new_customers.csv": csv_text(new_customers, ["period", "new_customers"]),
        "quarters.csv": csv_text(
            quarters, ["period", "active_customers", "repeat_purchase_rate", "retention_rate"]),
        "cohorts.csv": csv_text(cohorts, ["cohort", "period", "months_since", "active_customers"]),
    }
    differ = []
    OUT.mkdir(exist_ok=True)
    for name, content in files.items():
        path = OUT / name
        if check:
            if not path.exists() or path.read_text() != content:
                differ.append(name)
        else:
            path.write_text(content)
    if differ:
        print("expected files differ from a fresh computation: " + ", ".join(differ), file=sys.stderr)
        return 1
    print(("checked " if check else "wrote ") + ", ".join(str(OUT.relative_to(HERE) / n) for n in files))
    return 0


if __name__ == "__main__":
    sys.exit(main())
