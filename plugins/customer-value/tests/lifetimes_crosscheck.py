#!/usr/bin/env python3
"""The customer-value pack on CDNOW, customer by customer, against the lifetimes package.

Issue 11 item 8: RFM, retention and CLV figures on the CDNOW dataset agree with lifetimes'
summary figures (frequency, recency, T, monetary value) for the same calibration window.

It runs `yardstick run` on the workspace cdnow/ (the pack alone, the data of examples/cdnow):
per account for the calibration window 1997-01-01..1997-09-30, and per quarter for the company;
then recomputes every figure without Yardstick:

- lifetimes 0.11.3 `summary_data_from_transaction_data` (observation end 1997-09-30, freq='D',
  freq_multiplier=7: weeks) gives frequency, recency, T and monetary_value, which the pack's
  repeat_purchases, purchase_span, customer_age and repeat_value must equal; the same summary
  with include_first_transaction=True gives the order days and total spend behind the pack's
  frequency and monetary; recency_days is 7 * (T - recency), rounded to whole days;
- pandas bins those into the R, F and M quintiles and the weighted RFM score, and gives the CLV
  forms (historical: total spend; predicted: 52 * monetary_value * frequency / T);
- pandas again computes the quarterly company figures (new customers, 90-day active customers,
  retention, churn, repeat purchase rate) from the transactions.

Every customer and quarter must agree within 1e-9 (money within 1e-6). Prints one line per
figure compared and exits 1 on any difference.

Usage: python3 lifetimes_crosscheck.py [--yardstick PATH]
       (default: $YARDSTICK, else the repository's .build/debug/yardstick)
Needs: pip install --user lifetimes  (pandas comes with it)
"""

import argparse
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd
from lifetimes.utils import summary_data_from_transaction_data

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
WORKSPACE = HERE / "cdnow"
DATA = ROOT / "examples" / "cdnow" / "data" / "CDNOW_master.txt"
END = "1997-09-30"
BINS = 5
WEIGHTS = (0.5, 0.3, 0.2)
HORIZON = 52
ACTIVE_DAYS = 90


def yardstick_binary(given):
    for candidate in [given, os.environ.get("YARDSTICK"), ROOT / ".build" / "debug" / "yardstick"]:
        if candidate and Path(candidate).is_file():
            return str(candidate)
    sys.exit("error: no yardstick binary: build one (swift build --product yardstick) or pass --yardstick PATH")


def run(binary, *arguments):
    """yardstick run on the workspace, as a frame of figures (value as text, empty when missing)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "figures.csv"
        subprocess.run(
            [binary, "run", "--workspace", str(WORKSPACE), "--plugins", "customer-value", "--format", "csv",
             "--out", str(out), *arguments], check=True)
        frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    frame = frame[frame.get("dimension", pd.Series("", index=frame.index)).fillna("") == ""]
    return frame


def transactions():
    frame = pd.read_csv(DATA, sep=r"\s+", dtype={"customer_id": str, "date": str})
    frame["date"] = pd.to_datetime(frame["date"], format="%Y%m%d")
    assert len(frame) == 69659 and frame["customer_id"].nunique() == 23570, "not CDNOW_master as shipped"
    return frame


def bins(values, lower_is_better):
    """1 + floor(n * b / N): b = how many of the N customers this one beats (ties share a bin)."""
    ordered = values.sort_values().to_numpy()
    count = len(ordered)
    below = pd.Series(ordered).searchsorted(values.to_numpy(), side="left")  # strictly smaller
    above = count - pd.Series(ordered).searchsorted(values.to_numpy(), side="right")  # strictly larger
    beaten = above if lower_is_better else below
    return pd.Series([1 + math.floor(BINS * b / count) for b in beaten], index=values.index)


def reference_customers(frame):
    lt = summary_data_from_transaction_data(
        frame, "customer_id", "date", monetary_value_col="dollar_value", observation_period_end=END,
        freq="D", freq_multiplier=7).sort_index()
    whole = summary_data_from_transaction_data(
        frame, "customer_id", "date", monetary_value_col="dollar_value", observation_period_end=END,
        freq="D", freq_multiplier=7, include_first_transaction=True).sort_index()
    out = pd.DataFrame(index=lt.index)
    out["repeat_purchases"] = lt["frequency"]
    out["purchase_span"] = lt["recency"]
    out["customer_age"] = lt["T"]
    out["repeat_value"] = lt["monetary_value"]
    out["frequency"] = whole["frequency"]
    out["monetary"] = whole["frequency"] * whole["monetary_value"]
    # A whole number of days: rounded, so that float noise in T - recency cannot split a tie.
    out["recency_days"] = (7 * (lt["T"] - lt["recency"])).round()
    out["r_score"] = bins(out["recency_days"], lower_is_better=True)
    out["f_score"] = bins(out["frequency"], lower_is_better=False)
    out["m_score"] = bins(out["monetary"], lower_is_better=False)
    out["rfm_score"] = WEIGHTS[0] * out["r_score"] + WEIGHTS[1] * out["f_score"] + WEIGHTS[2] * out["m_score"]
    out["historical_clv"] = out["monetary"]
    out["predicted_clv"] = HORIZON * lt["monetary_value"] * lt["frequency"] / lt["T"]
    return out


def reference_quarters(frame):
    days = frame[["customer_id", "date"]].drop_duplicates()
    first = days.groupby("customer_id")["date"].min()
    rows = {}
    quarters = pd.period_range("1997Q1", "1998Q2", freq="Q")
    for quarter in quarters:
        start, finish = quarter.start_time.normalize(), quarter.end_time.normalize()
        label = f"{quarter.year}-Q{quarter.quarter}"
        inside = days[(days["date"] >= start) & (days["date"] <= finish)]
        buyers = set(inside["customer_id"])
        previous = quarter - 1
        before = set(days[(days["date"] >= previous.start_time.normalize())
                          & (days["date"] <= previous.end_time.normalize())]["customer_id"])
        window = days[(days["date"] >= finish - pd.Timedelta(days=ACTIVE_DAYS - 1)) & (days["date"] <= finish)]
        per_buyer = inside.groupby("customer_id")["date"].nunique()
        retention = len(before & buyers) / len(before) if before else None
        rows[label] = {
            "new_customers": int(((first >= start) & (first <= finish)).sum()),
            "active_customers": window["customer_id"].nunique(),
            "retention_rate": retention,
            "churn_rate": None if retention is None else 1 - retention,
            "repeat_purchase_rate": (per_buyer >= 2).sum() / len(per_buyer) if len(per_buyer) else None,
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def compare(name, yardstick, reference, tolerance):
    """The number of subjects whose figure differs; prints the first few."""
    differ = 0
    for subject, want in reference.items():
        got_text = yardstick.get(subject)
        if got_text is None:
            differ += 1
            if differ <= 5:
                print(f"  {name} {subject}: no figure from yardstick")
            continue
        want_missing = want is None or (isinstance(want, float) and math.isnan(want))
        got = None if got_text == "" else float(got_text)
        ok = (got is None and want_missing) or (
            got is not None and not want_missing and abs(got - float(want)) <= tolerance)
        if not ok:
            differ += 1
            if differ <= 5:
                print(f"  {name} {subject}: yardstick {got_text or 'missing'}, reference {want}")
    extra = set(yardstick) - set(reference.keys())
    print(f"{'✓' if differ == 0 and not extra else '✗'} {name}: {len(reference)} subjects compared, "
          f"{differ} differ" + (f", {len(extra)} not in the reference" if extra else ""))
    return differ + len(extra)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--yardstick")
    binary = yardstick_binary(parser.parse_args().yardstick)
    frame = transactions()

    failures = 0
    customers = reference_customers(frame)
    figures = run(binary, "--period", f"1997-01-01..{END}", "--per", "account")
    # `run` writes numbers with at most six decimals (docs/run-output.md): a figure agrees when it
    # is the reference rounded there.
    six_decimals = 5e-7 + 1e-12
    for name in customers.columns:
        mine = figures[figures["indicator"] == f"customer-value.{name}"]
        got = dict(zip(mine["subject_id"], mine["value"]))
        failures += compare(name, got, customers[name].to_dict(), six_decimals)

    quarters = reference_quarters(frame)
    figures = run(binary, "--period-range", "1997-Q1..1998-Q2", "--per", "company")
    for name in quarters.columns:
        mine = figures[figures["indicator"] == f"customer-value.{name}"]
        got = dict(zip(mine["period"], mine["value"]))
        failures += compare(name + " (company, quarters)", got, quarters[name].to_dict(), six_decimals)

    print("customer-value on CDNOW against lifetimes:", "all agree" if failures == 0 else f"{failures} differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
