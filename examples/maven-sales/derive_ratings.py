#!/usr/bin/env python3
"""Writes data/ratings.csv, the small customer-feedback table of the Maven example.

Usage:  python3 derive_ratings.py         (from examples/maven-sales; rewrites data/ratings.csv)

Origin
------
Maven's export has no customer feedback. This table is SYNTHETIC, made for the example's
"customer feedback" dimension: it stands for the short satisfaction survey a customer answers
after a deal closes, and for the complaints logged against an agent. It is mapped to the
vocabulary's `surveys` entity in yardstick.toml. Deterministic: every choice is taken from a
SHA-256 digest of the opportunity id (no random module, no clock), so the file never changes.

Rules (won and lost deals closed 2017-07-01 .. 2017-12-31, i.e. 2017-Q3 and 2017-Q4)
----------------------------------------------------------------------------------
h = int(sha256(opportunity_id).hexdigest()[:8], 16)
- a won deal with an account gets a CSAT survey when h % 6 == 0; its score (1-5) is taken from
  (h // 6) % 20 over the table SCORES below (mostly 4 and 5, a few 1-3), and it is submitted
  at 10:00 three days after the close date (so a few December answers fall in January 2018);
- a lost deal with an account gets a complaint when h % 25 == 0, submitted at 15:30 on the close
  date, with an empty score (complaints carry no rating).
Agents with few closed deals may get no survey in a month: their CSAT is then missing, which
the fine model handles by re-weighting (see scorecards/sales-fine.lua).

Columns: survey_id, kind, agent, account, submitted_at (YYYY-MM-DD HH:MM:SS, UTC), score,
comment.
"""

import csv
import hashlib
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
OUT = DATA / "ratings.csv"
FIRST, LAST = "2017-07-01", "2017-12-31"
# 20 slots: the score distribution of the synthetic answers (mean 4.05).
SCORES = [5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 2, 2, 1]


def digest(text):
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16)


def main():
    rows = []
    with open(DATA / "sales_pipeline.csv", newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            closed = r["close_date"]
            if not closed or not (FIRST <= closed <= LAST) or not r["account"]:
                continue
            h = digest(r["opportunity_id"])
            if r["deal_stage"] == "Won" and h % 6 == 0:
                when = date.fromisoformat(closed) + timedelta(days=3)
                rows.append([f"S-{r['opportunity_id']}", "csat", r["sales_agent"], r["account"],
                             f"{when.isoformat()} 10:00:00", SCORES[(h // 6) % 20], f"after deal {r['opportunity_id']}"])
            elif r["deal_stage"] == "Lost" and h % 25 == 0:
                rows.append([f"C-{r['opportunity_id']}", "complaint", r["sales_agent"], r["account"],
                             f"{closed} 15:30:00", "", f"complaint after lost deal {r['opportunity_id']}"])
    rows.sort(key=lambda row: (row[4], row[0]))
    with open(OUT, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["survey_id", "kind", "agent", "account", "submitted_at", "score", "comment"])
        writer.writerows(rows)
    kinds = {k: sum(1 for row in rows if row[1] == k) for k in ("csat", "complaint")}
    print(f"wrote {OUT.relative_to(HERE)}: {len(rows)} rows ({kinds['csat']} csat, {kinds['complaint']} complaints)")


if __name__ == "__main__":
    main()
