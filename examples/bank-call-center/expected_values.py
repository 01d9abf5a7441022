#!/usr/bin/env python3
"""Independent expected values for the bank call-center indicators (examples/bank-call-center).

Usage:  python3 expected_values.py
Writes  expected/run-1999-02.csv and expected/run-1999-W05.csv (next to this file), and
        expected/check-calls.json: what `yardstick check` must report of the calls entity
        (rows loaded, rows the PHANTOM filter dropped, filled values per field, ids unique).

Independence
------------
Plain Python 3 standard library (csv, datetime) over the raw log in ./data. No Yardstick
code and no Lua: the mapping of yardstick.toml and the meaning of each indicator are restated
here by hand, so a disagreement with `yardstick run` points at one of the two.

Mapping restated (yardstick.toml)
---------------------------------
calls      every row of data_anonymous_bank_february.txt (tab-separated) whose outcome is not
           PHANTOM. agent = server, null when NO_SERVER. entered_at = date (YYMMDD) + vru_entry
           (H:MM:SS), read as UTC. abandoned = (outcome == "HANG"); AGENT -> false.
           wait_seconds = q_time, talk_seconds = ser_time (whole seconds).
users      the 24 distinct server values other than NO_SERVER (data/users.csv), team
           call-center; teams: call-center (team) under bank (company).

Subjects
--------
user       each of the 24 agents: the calls whose agent is them.
team       call-center: the calls whose agent is one of its 24 members (calls without an
           agent are not the team's).
company    bank: every call.

Periods
-------
1999-02    1999-02-01..1999-02-28;  1999-W05 (ISO week, Monday first) 1999-02-01..1999-02-07.
"in the period" = the calendar date of entered_at is within it (inclusive).

Indicators
----------
calls             count of the subject's calls in the period.
abandon_rate      count(abandoned) / count(calls), a float; missing when 0 calls. Declared
                  per = "company": at the user and team grains it is listed as missing.
avg_wait          mean wait_seconds over the subject's served calls (abandoned false); missing
                  ("no rows") when none.
avg_service_time  mean talk_seconds over the same calls.
service_level     count(served and wait_seconds <= 30) / count(calls); missing when 0 calls.

Output
------
Yardstick's long CSV: period,grain,subject_id,subject_name,indicator,value,unit,status.
Counts as integers; floats as the engine prints them (an integral float without ".0",
otherwise Python's repr); missing values empty with status missing.
"""

import csv
import json
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
OUT = HERE / "expected"

PERIODS = {
    "1999-02": (date(1999, 2, 1), date(1999, 2, 28)),
    "1999-W05": (date(1999, 2, 1), date(1999, 2, 7)),
}
UNITS = {
    "calls": "count", "abandon_rate": "percent", "avg_wait": "seconds",
    "avg_service_time": "seconds", "service_level": "percent",
}
SERVICE_LEVEL_SECONDS = 30


def load_calls():
    calls = []
    with (DATA / "data_anonymous_bank_february.txt").open(newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["outcome"] == "PHANTOM":
                continue
            day = row["date"]
            entered = date(2000 + int(day[:2]) if int(day[:2]) < 69 else 1900 + int(day[:2]),
                           int(day[2:4]), int(day[4:6]))
            server = row["server"].strip()
            calls.append({
                "agent": None if server == "NO_SERVER" else server,
                "day": entered,
                "abandoned": row["outcome"] == "HANG",
                "wait": int(row["q_time"]),
                "talk": int(row["ser_time"]),
            })
    return calls


def check_figures():
    """The calls entity as `yardstick check` must see it, restated from the raw log."""
    with (DATA / "data_anonymous_bank_february.txt").open(newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    kept = [r for r in rows if r["outcome"] != "PHANTOM"]
    never = "0:00:00"
    filled = {
        "id": len({(r["vru+line"], r["call_id"]) for r in kept}),  # unique pairs = every row
        "agent": sum(r["server"] != "NO_SERVER" for r in kept),
        "queue": sum(r["type"] != "" for r in kept),
        "customer": sum(r["customer_id"] != "0" for r in kept),
        "direction": len(kept),
        "queued_at": sum(r["q_start"] != never for r in kept),
        "answered_at": sum(r["ser_start"] != never for r in kept),
        "abandoned": sum(r["outcome"] in ("HANG", "AGENT") for r in kept),
        "wait_seconds": sum(r["q_time"] != "" for r in kept),
        "talk_seconds": sum(r["ser_time"] != "" for r in kept),
        "entered_at": sum(r["vru_entry"] != "" for r in kept),
        "priority": sum(r["priority"] in ("0", "1", "2") for r in kept),
        "vru_seconds": sum(r["vru_time"] != "" for r in kept),
    }
    days = sorted(r["date"] for r in kept)

    def seconds(clock):
        hours, minutes, secs = (int(part) for part in clock.split(":"))
        return hours * 3600 + minutes * 60 + secs

    # The vocabulary's rule answered_at >= queued_at: the log stamps some calls as served a
    # second or two before they were queued (a quirk of the source, reported by `check`).
    answered_before_queued = sum(
        1 for r in kept
        if r["q_start"] != never and r["ser_start"] != never
        and seconds(r["ser_start"]) < seconds(r["q_start"]))
    return {
        "rows": len(kept),
        "dropped": len(rows) - len(kept),
        "answered_before_queued": answered_before_queued,
        "filled": filled,
        "first_date": f"19{days[0][:2]}-{days[0][2:4]}-{days[0][4:]}",
        "last_date": f"19{days[-1][:2]}-{days[-1][2:4]}-{days[-1][4:]}",
    }


def number_text(value):
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def values(calls):
    served = [c for c in calls if not c["abandoned"]]
    result = {"calls": ("count", len(calls))}
    result["abandon_rate"] = (
        ("num", sum(c["abandoned"] for c in calls) / len(calls)) if calls else ("missing",))
    result["avg_wait"] = (
        ("num", sum(c["wait"] for c in served) / len(served)) if served else ("missing",))
    result["avg_service_time"] = (
        ("num", sum(c["talk"] for c in served) / len(served)) if served else ("missing",))
    within = [c for c in served if c["wait"] <= SERVICE_LEVEL_SECONDS]
    result["service_level"] = (("num", len(within) / len(calls)) if calls else ("missing",))
    return result


def main():
    calls = load_calls()
    with (DATA / "users.csv").open(newline="") as handle:
        agents = [row["id"] for row in csv.DictReader(handle)]
    subjects = [("company", "bank", "Anonymous Bank", lambda c: True),
                ("team", "call-center", "Call center", lambda c: c["agent"] in agents)]
    subjects += [("user", a, a, (lambda name: lambda c: c["agent"] == name)(a)) for a in agents]
    OUT.mkdir(exist_ok=True)
    for label, (first, last) in PERIODS.items():
        in_period = [c for c in calls if first <= c["day"] <= last]
        lines = ["period,grain,subject_id,subject_name,indicator,value,unit,status"]
        for grain, subject_id, name, member in subjects:
            figures = values([c for c in in_period if member(c)])
            for indicator in sorted(UNITS):
                kind, *rest = figures[indicator]
                if indicator == "abandon_rate" and grain != "company":
                    # A company indicator: finer grains list it as missing.
                    kind = "missing"
                if kind == "missing":
                    text, status = "", "missing"
                elif kind == "count":
                    text, status = str(rest[0]), "ok"
                else:
                    text, status = number_text(rest[0]), "ok"
                lines.append(",".join([label, grain, subject_id, name, indicator, text,
                                       UNITS[indicator], status]))
        (OUT / f"run-{label}.csv").write_text("\n".join(lines) + "\n")
        print(f"expected/run-{label}.csv: {len(lines) - 1} values")
    (OUT / "check-calls.json").write_text(json.dumps(check_figures(), indent=2) + "\n")
    print("expected/check-calls.json")


if __name__ == "__main__":
    main()
