#!/usr/bin/env python3
"""Recomputes service-core's expected values from the fixture data, independently of Yardstick.

Plain Python (no Yardstick code): reads each fixture's data files — the hand-made CSVs of
tests/basic and tests/parameters, and for tests/bank-call-center the raw tab-separated call log
of the Anonymous Bank, parsed here from its own columns — applies each indicator's definition as
README.md states it, and compares with tests/*/expected.csv. Exit 1 on any difference.

    python3 plugins/service-core/tests/expected_values.py            # check
    python3 plugins/service-core/tests/expected_values.py --print    # print every computed row
"""
import csv
import datetime as dt
import os
import statistics
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULTS = {"fcr_window_minutes": 0, "csat_satisfied_min": 4, "service_level_seconds": 20, "short_abandon_seconds": 0}


def instant(text):
    return dt.datetime.fromisoformat(text) if text else None


def number(text):
    return float(text) if text not in ("", None) else None


def boolean(text):
    return {"true": True, "false": False}.get(text)


def bounds(label):
    """First and last day of a month (YYYY-MM) or a day (YYYY-MM-DD) period."""
    parts = list(map(int, label.split("-")))
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    year, month = parts
    start = dt.date(year, month, 1)
    return start, dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def load_csv_fixture(data):
    cases = read_csv(os.path.join(data, "cases.csv"))
    for c in cases:
        for key in ("opened_at", "first_response_at", "resolved_at"):
            c[key] = instant(c[key])
    surveys = read_csv(os.path.join(data, "surveys.csv"))
    for s in surveys:
        s["submitted_at"] = instant(s["submitted_at"])
        s["score"] = number(s["score"])
    calls = read_csv(os.path.join(data, "calls.csv"))
    for c in calls:
        c["queued_at"] = instant(c["queued_at"])
        c["abandoned"] = boolean(c["abandoned"])
        c["wait_seconds"] = number(c["wait_seconds"])
        c["talk_seconds"] = number(c["talk_seconds"])
    return cases, surveys, calls


def load_bank_log(path):
    """The raw log: tab-separated, CRLF; PHANTOM rows are not calls; the agent is `server`."""
    calls = []
    with open(path, newline="") as f:
        rows = csv.DictReader(f, delimiter="\t")
        for row in rows:
            if row["outcome"] == "PHANTOM":
                continue
            day = dt.datetime.strptime(row["date"], "%y%m%d").date()
            h, m, s = map(int, row["vru_entry"].split(":"))
            calls.append({
                "agent": "" if row["server"] == "NO_SERVER" else row["server"],
                "queue": row["type"],
                "direction": "inbound",
                "queued_at": dt.datetime.combine(day, dt.time(h, m, s)),
                "abandoned": {"HANG": True, "AGENT": False}.get(row["outcome"]),
                "wait_seconds": float(row["q_time"]),
                "talk_seconds": float(row["ser_time"]),
            })
    return [], [], calls


def in_period(when, start, end):
    return when is not None and start <= when.date() <= end


def ratio(a, b):
    return None if b == 0 else a / b


def mean(values):
    return statistics.fmean(values) if values else None


def median(values):
    return statistics.median(values) if values else None


def hours(a, b):
    return (b - a).total_seconds() / 3600


def value(name, cases, surveys, calls, start, end, p):
    opened = [c for c in cases if in_period(c["opened_at"], start, end)]
    ever_resolved = [c for c in cases if in_period(c["resolved_at"], start, end)]
    resolved = [c for c in ever_resolved if c["status"] in ("resolved", "closed")]
    responded = [c for c in cases if in_period(c["first_response_at"], start, end)]
    answers = [s for s in surveys if in_period(s["submitted_at"], start, end)]
    csat = [s["score"] for s in answers if s["type"] == "csat" and s["score"] is not None]
    nps = [s["score"] for s in answers if s["type"] == "nps" and s["score"] is not None]
    inbound = [c for c in calls if c["direction"] == "inbound" and in_period(c["queued_at"], start, end)]
    short = [c for c in inbound if c["abandoned"] is True and c["wait_seconds"] is not None
             and c["wait_seconds"] < p["short_abandon_seconds"]]
    offered = len(inbound) - len(short)
    handled = [c for c in inbound if c["abandoned"] is False]
    if name == "cases_opened":
        return len(opened)
    if name == "cases_resolved":
        return len(resolved)
    if name == "first_response_hours":
        return mean([hours(c["opened_at"], c["first_response_at"]) for c in responded if c["opened_at"]])
    if name == "first_response_hours_median":
        return median([hours(c["opened_at"], c["first_response_at"]) for c in responded if c["opened_at"]])
    if name == "resolution_hours":
        return mean([hours(c["opened_at"], c["resolved_at"]) for c in resolved if c["opened_at"]])
    if name == "resolution_hours_median":
        return median([hours(c["opened_at"], c["resolved_at"]) for c in resolved if c["opened_at"]])
    if name == "first_contact_resolution":
        window = p["fcr_window_minutes"] * 60
        first = [c for c in resolved if c["first_response_at"] is None
                 or (c["resolved_at"] - c["first_response_at"]).total_seconds() <= window]
        return ratio(len(first), len(resolved))
    if name == "reopen_rate":
        return ratio(sum(1 for c in ever_resolved if c["status"] in ("new", "open", "pending")), len(ever_resolved))
    if name == "csat":
        return mean(csat)
    if name == "csat_satisfied_rate":
        return ratio(sum(1 for x in csat if x >= p["csat_satisfied_min"]), len(csat))
    if name == "nps":
        share = ratio(sum(1 for x in nps if x >= 9) - sum(1 for x in nps if x <= 6), len(nps))
        return None if share is None else share * 100
    if name == "complaint_rate":
        share = ratio(sum(1 for s in answers if s["type"] == "complaint"), len(opened))
        return None if share is None else share * 100
    if name == "calls_handled":
        return len(handled)
    if name == "avg_wait_seconds":
        return mean([c["wait_seconds"] for c in handled if c["wait_seconds"] is not None])
    if name == "avg_talk_seconds":
        return mean([c["talk_seconds"] for c in handled if c["talk_seconds"] is not None])
    if name == "abandon_rate":
        return ratio(sum(1 for c in inbound if c["abandoned"] is True) - len(short), offered)
    if name == "service_level":
        limit = p["service_level_seconds"]
        return ratio(sum(1 for c in handled if c["wait_seconds"] is not None and c["wait_seconds"] <= limit), offered)
    raise ValueError(name)


def owned(rows, field, grain, subject, users):
    if grain == "company":
        return rows
    if grain == "queue":
        return [r for r in rows if r.get("queue") == subject]
    mine = {subject} if grain == "user" else {u["id"] for u in users if u["team"] == subject}
    return [r for r in rows if r.get(field) in mine]


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
        params = dict(DEFAULTS, **workspace.get("packs", {}).get("service-core", {}).get("parameters", {}))
        if os.path.exists(os.path.join(data, "calls.txt")):
            cases, surveys, calls = load_bank_log(os.path.join(data, "calls.txt"))
        else:
            cases, surveys, calls = load_csv_fixture(data)
        users = read_csv(os.path.join(data, "users.csv"))
        with open(expected_path) as f:
            rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
        for row in rows:
            start, end = bounds(row["period"])
            g, subject = row["grain"], row["subject"]
            name = row["indicator"].removesuffix("_per_queue")
            got = value(name, owned(cases, "owner", g, subject, users),
                        owned(surveys, "user", g, subject, users), owned(calls, "agent", g, subject, users),
                        start, end, params)
            if show:
                print(f"{fixture},{row['indicator']},{g},{subject},{row['period']},{'missing' if got is None else repr(got)}")
            want = None if row["value"] == "missing" else float(row["value"])
            tolerance = float(row["tolerance"]) if row.get("tolerance") else 1e-9
            checked += 1
            ok = (got is None and want is None) or (got is not None and want is not None and abs(got - want) <= tolerance)
            if not ok:
                failures += 1
                print(f"{fixture}: {row['indicator']} {g} {subject} {row['period']}: expected {want}, computed {got}")
    print(f"service-core expected values: {checked} checked,", "all agree" if failures == 0 else f"{failures} differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
