#!/usr/bin/env python3
"""Deterministic generator of a synthetic CRM workspace for Yardstick load benchmarks.

Usage:
    python3 benchmarks/generate_workspace.py --scale 1 --out benchmarks/out/scale-1

Writes DIR/yardstick.toml and DIR/data/{teams,users,accounts,opportunities,
activities,cases,surveys,quotas}.csv plus the tables the standard packs (plugins/) read:
{contacts,products,campaigns,leads,campaign_members,orders,order_lines,payments,
calls,subscriptions,incidents}.csv (UTF-8, LF, header row, comma-separated),
plus DIR/model.lua (the 13-indicator scorecard of run-score-benchmark.sh) and a
copy of benchmarks/indicators/*.lua in DIR/indicators/.

At scale 1: 1,000 users in 50 teams under 5 departments (+1 company root),
100,000 accounts, 1,000,000 opportunities, 5,000,000 activities, 500,000 cases,
200,000 surveys, 24 monthly quotas per user, 8 quarterly quotas per team and
2 yearly quotas per department; for the packs 150,000 contacts, 200 products
(fixed), 2,000 campaigns, 50,000 leads, 100,000 campaign members, 200,000 orders,
600,000 order lines, 100,000 payments, 300,000 calls, 20,000 subscriptions and
500 incidents. Counts scale linearly with --scale (at least 10 users, 2 teams,
1 department). The pack tables have their own random streams, appended after
the original eight, so those eight are byte-identical to what earlier versions
wrote. DIR/yardstick.toml maps the original eight only (what the other
benchmarks load); DIR/packs/yardstick.toml maps every table from ../data (the
pack benchmark's workspace). Fields the packs read that the original eight lack (activities.logged_at
and .opportunity, accounts.segment, opportunities.campaign and .expected_close)
stay absent, so that the other benchmarks' files and figures stay comparable.

Determinism: every table draws from its own numpy PCG64 stream derived from a
fixed seed, and generation is chunked with a fixed chunk size, so the output is
byte-identical on every run (for a given numpy version and scale). Tables are
generated in parallel worker processes (one per table); that does not affect the
bytes written.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor

import numpy as np

SEED = 20250101
CHUNK = 250_000  # rows per generated/written chunk (fixed: part of determinism)

# Time window: 24 months.
WINDOW_START = np.datetime64("2025-01-01", "D")
WINDOW_END = np.datetime64("2026-12-31", "D")  # inclusive
# Day lookup table covers everything any table can reference.
DAY0 = np.datetime64("2010-01-01", "D")
DAY_LAST = np.datetime64("2027-12-31", "D")

TABLES = ["teams", "users", "accounts", "opportunities", "activities", "cases", "surveys", "quotas"]
# The entities the standard packs (plugins/) read beyond those: appended after the original
# eight so that those keep their random streams (and bytes); each has its own stream too.
PACK_TABLES = ["contacts", "products", "campaigns", "leads", "campaign_members", "orders", "order_lines",
               "payments", "calls", "subscriptions", "incidents"]
TABLES = TABLES + PACK_TABLES

BASE = {
    "users": 1_000,
    "teams": 50,
    "departments": 5,
    "accounts": 100_000,
    "opportunities": 1_000_000,
    "activities": 5_000_000,
    "cases": 500_000,
    "surveys": 200_000,
    # read by the standard packs only (modest sizes next to the tables above)
    "contacts": 150_000,
    "campaigns": 2_000,
    "leads": 50_000,
    "campaign_members": 100_000,
    "orders": 200_000,
    "order_lines": 600_000,
    "payments": 100_000,
    "calls": 300_000,
    "subscriptions": 20_000,
    "incidents": 500,
}
N_PRODUCTS = 200  # SKUs (fixed: the catalogue does not grow with the company)
MONTHS = 24
QUARTERS = MONTHS // 3
YEARS = MONTHS // 12

FIRST_NAMES = [
    "Anna", "Ben", "Carla", "David", "Emma", "Felix", "Grace", "Henry", "Isabel", "Jack",
    "Karin", "Liam", "Maria", "Noah", "Olivia", "Paul", "Quinn", "Rosa", "Samuel", "Tara",
    "Uma", "Victor", "Wendy", "Xavier", "Yara", "Zoe", "José", "Zoë", "Björn", "Chloé",
    "Sofia", "Lucas", "Mia", "Leon", "Hannah", "Jonas", "Laura", "Tom", "Nina", "Omar",
]
LAST_NAMES = [
    "Smith", "Johnson", "Brown", "Taylor", "Anderson", "Thomas", "Jackson", "White", "Harris", "Martin",
    "Thompson", "Garcia", "Martinez", "Robinson", "Clark", "Rodriguez", "Lewis", "Lee", "Walker", "Hall",
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "O'Brien", "Dubois", "Rossi", "Novak", "Kowalski",
    "Silva", "Santos", "Jensen", "Nielsen", "Berg", "Larsen", "Moreau", "Ferrari", "Costa", "Núñez",
]
# (display name, ascii handle for email)
CHINESE_NAMES = [
    ("王芳", "wang.fang"), ("李伟", "li.wei"), ("张敏", "zhang.min"), ("刘洋", "liu.yang"),
    ("陈静", "chen.jing"), ("杨磊", "yang.lei"), ("赵丽", "zhao.li"), ("黄强", "huang.qiang"),
    ("周杰", "zhou.jie"), ("吴娜", "wu.na"),
]
ASCII_FOLD = str.maketrans({"é": "e", "ë": "e", "ö": "o", "ü": "u", "ú": "u", "ñ": "n", "'": ""})

DEPT_NAMES = ["Sales North", "Sales South", "Customer Service", "Enterprise", "Partners",
              "Sales West", "Sales East", "Inside Sales", "Key Accounts", "Support"]
TEAM_WORDS = ["Alpha", "Bravo", "Comet", "Delta", "Eagle", "Falcon", "Granite", "Harbor", "Indigo", "Juniper"]

INDUSTRIES = ["software", "manufacturing", "retail", "healthcare", "finance", "education",
              "logistics", "energy", "media", "hospitality", "construction", "public sector"]
REGIONS = ["north", "south", "east", "west", "central"]
COMPANY_A = ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Soylent", "Tyrell",
             "Cyberdyne", "Wonka", "Gringotts", "Oscorp", "Aperture", "Monarch", "Nordwind", "Sakura", "Atlas", "Zenith"]
COMPANY_B = ["Holdings", "Industries", "Labs", "Systems", "Group", "Partners", "Solutions", "Trading", "Works", "GmbH"]
PRODUCTS = ["Starter", "Professional", "Enterprise", "Analytics Add-on", "Support Plan", "Onboarding", "Training", "Hardware Kit"]
OPP_KINDS = ["Renewal", "Expansion", "New deal", "Upsell", "Pilot"]

STAGES = np.array(["prospecting", "qualification", "proposal", "negotiation", "won", "lost"], dtype=object)
STAGE_P = [0.08, 0.08, 0.08, 0.06, 0.30, 0.40]
ACT_TYPES = np.array(["call", "visit", "email", "meeting"], dtype=object)
ACT_TYPE_P = [0.40, 0.10, 0.35, 0.15]
DIRECTIONS = np.array(["inbound", "outbound"], dtype=object)
PRIORITIES = np.array(["low", "medium", "high", "urgent"], dtype=object)
PRIORITY_P = [0.35, 0.40, 0.20, 0.05]
CHANNELS = np.array(["phone", "email", "web", "chat"], dtype=object)
CHANNEL_P = [0.30, 0.35, 0.20, 0.15]
CASE_STATUS = np.array(["open", "pending", "resolved", "closed"], dtype=object)
# Hour-of-day weights for timestamps (office hours dominate).
HOUR_W = np.array([1, 1, 1, 1, 1, 2, 4, 10, 30, 45, 50, 48, 35, 45, 50, 48, 42, 30, 15, 8, 5, 3, 2, 1], dtype=float)
HOUR_P = HOUR_W / HOUR_W.sum()


# --------------------------------------------------------------------------- helpers

def counts(scale: float) -> dict:
    n_users = max(10, int(round(BASE["users"] * scale)))
    n_depts = max(1, int(round(BASE["departments"] * scale)))
    n_teams = max(2, n_depts, int(round(BASE["teams"] * scale)))
    n_teams = min(n_teams, n_users)  # every team needs a manager
    c = {"users": n_users, "departments": n_depts, "teams_leaf": n_teams}
    for k in ("accounts", "opportunities", "activities", "cases", "surveys", "contacts", "campaigns", "leads",
              "campaign_members", "orders", "order_lines", "payments", "calls", "subscriptions", "incidents"):
        c[k] = max(1, int(round(BASE[k] * scale)))
    c["teams"] = 1 + n_depts + n_teams
    c["products"] = N_PRODUCTS
    # monthly per user, quarterly per team, yearly per department (three shapes of quota)
    c["quotas"] = n_users * MONTHS + n_teams * QUARTERS + n_depts * YEARS
    return c


def rng_for(table: str) -> np.random.Generator:
    idx = TABLES.index(table)
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence([SEED, idx])))


def width(n: int, minimum: int) -> int:
    return max(minimum, len(str(n)))


def numbers(prefix: str, start: int, stop: int, w: int) -> list:
    """The short profile's ids (1-based, zero-padded): also the numbers in names and emails,
    which stay the same in every id profile."""
    return [f"{prefix}{i:0{w}d}" for i in range(start + 1, stop + 1)]


# --------------------------------------------------------------------------- id profiles
#
# Every profile gives the same rows in the same order with the same values; only the id
# strings differ (and the references to them). Ids are a pure function of (prefix, row number),
# so chunked and parallel generation give the same bytes. The references themselves are drawn
# at random in every profile (no locality): an activity's owner and account are independent
# uniform draws.

ID_PROFILES = ("short", "salesforce", "guid", "int-unsorted", "unpadded")
ID_PROFILE = "short"  # set per worker process by generate_table
# One salt per id prefix: ids of different prefixes never collide, even inside one table
# (teams holds the company, departments and teams; quotas three kinds of quota).
ID_SALT = {"C": 0, "D": 1, "T": 2, "U": 3, "A": 4, "O": 5, "X": 6, "K": 7, "S": 8, "Q": 9, "QT": 10, "QD": 11,
           "P": 12, "M": 13, "L": 14, "CM": 15, "R": 16, "RL": 17, "PY": 18, "CL": 19, "B": 20, "I": 21, "N": 22}
# Salesforce key prefixes (the object type is the first three characters of an id).
SF_KEY_PREFIX = {"C": "00D", "D": "00E", "T": "00G", "U": "005", "A": "001", "O": "006", "X": "00T",
                 "K": "500", "S": "a0S", "Q": "a0Q", "QT": "a0T", "QD": "a0R", "P": "01t", "M": "701",
                 "L": "00Q", "CM": "00v", "R": "801", "RL": "802", "PY": "a0P", "CL": "0LQ", "B": "a0B",
                 "I": "a0I", "N": "003"}
BASE62 = np.frombuffer(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", dtype=np.uint8)
SF_SUFFIX = np.frombuffer(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", dtype=np.uint8)
HEX = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)
M64 = np.uint64(0xFFFFFFFFFFFFFFFF)


def _mix64(x: np.ndarray) -> np.ndarray:
    """splitmix64's finalizer: a bijection of uint64, so distinct inputs stay distinct."""
    with np.errstate(over="ignore"):
        x = x.copy()
        x ^= x >> np.uint64(30)
        x *= np.uint64(0xBF58476D1CE4E5B9)
        x ^= x >> np.uint64(27)
        x *= np.uint64(0x94D049BB133111EB)
        x ^= x >> np.uint64(31)
    return x


def _scrambled(prefix: str, start: int, stop: int, bits: int) -> np.ndarray:
    """Distinct pseudo-random numbers below 2**bits, one per row (an odd multiplier modulo a
    power of two is a bijection), in no particular order."""
    k = np.arange(start, stop, dtype=np.uint64) + np.uint64(ID_SALT[prefix] << 30)
    with np.errstate(over="ignore"):
        x = k * np.uint64(0x9E3779B97F4A7C15) + np.uint64(0x632BE59BD9B4E019)
    return x & np.uint64((1 << bits) - 1)


def _strings(chars: np.ndarray) -> list:
    """Rows of ASCII bytes (a 2-D uint8 array) as a list of str."""
    width = chars.shape[1]
    return np.ascontiguousarray(chars).view(f"S{width}").ravel().astype(f"U{width}").tolist()


def _salesforce(prefix: str, start: int, stop: int) -> list:
    """18-character case-safe Salesforce ids: key prefix, pod "5g", "0", a 9-character base-62
    record number, and the 3-character checksum of the case of the first 15 characters."""
    n = stop - start
    x = _scrambled(prefix, start, stop, 53)
    chars = np.empty((n, 18), dtype=np.uint8)
    chars[:, 0:3] = np.frombuffer(SF_KEY_PREFIX[prefix].encode(), dtype=np.uint8)
    chars[:, 3:6] = np.frombuffer(b"5g0", dtype=np.uint8)
    for position in range(14, 5, -1):
        chars[:, position] = BASE62[(x % np.uint64(62)).astype(np.int64)]
        x //= np.uint64(62)
    upper = (chars[:, :15] >= ord("A")) & (chars[:, :15] <= ord("Z"))
    for block in range(3):
        bits = np.zeros(n, dtype=np.int64)
        for i in range(5):
            bits |= upper[:, block * 5 + i].astype(np.int64) << i
        chars[:, 15 + block] = SF_SUFFIX[bits]
    return _strings(chars)


def _guid(prefix: str, start: int, stop: int) -> list:
    """Lowercase GUIDs (36 characters, version 4 and variant bits set); unique because 64 of
    their bits are a bijection of the row number."""
    n = stop - start
    k = np.arange(start, stop, dtype=np.uint64) + np.uint64(ID_SALT[prefix] << 40 | 0x5EED)
    unique = _mix64(k)
    other = _mix64(unique ^ np.uint64(0xD6E8FEB86659FD93))
    nibbles = np.empty((n, 32), dtype=np.uint8)
    free = [p for p in range(32) if p not in (12, 16)]
    for j, position in enumerate(free[:16]):
        nibbles[:, position] = ((unique >> np.uint64(60 - 4 * j)) & np.uint64(15)).astype(np.uint8)
    for j, position in enumerate(free[16:]):
        nibbles[:, position] = ((other >> np.uint64(4 * j)) & np.uint64(15)).astype(np.uint8)
    nibbles[:, 12] = 4
    nibbles[:, 16] = 8 | (other >> np.uint64(60)).astype(np.uint8) & 3
    hexchars = HEX[nibbles]
    chars = np.empty((n, 36), dtype=np.uint8)
    chars[:, [8, 13, 18, 23]] = ord("-")
    chars[:, 0:8], chars[:, 9:13], chars[:, 14:18] = hexchars[:, 0:8], hexchars[:, 8:12], hexchars[:, 12:16]
    chars[:, 19:23], chars[:, 24:36] = hexchars[:, 16:20], hexchars[:, 20:32]
    return _strings(chars)


def ids(prefix: str, start: int, stop: int, w: int) -> list:
    """The ids of rows start..<stop of the entity with this prefix, in the current profile."""
    if ID_PROFILE == "short":
        return numbers(prefix, start, stop, w)
    if ID_PROFILE == "unpadded":  # generation order, 0-based, lower case: a0, a1, ... a10 sorts before a2
        p = prefix.lower()
        return [f"{p}{i}" for i in range(start, stop)]
    if ID_PROFILE == "int-unsorted":  # HubSpot-like: unique integers of up to 11 digits, no order
        return list(map(str, (_scrambled(prefix, start, stop, 36) + np.uint64(1)).tolist()))
    if ID_PROFILE == "salesforce":
        return _salesforce(prefix, start, stop)
    if ID_PROFILE == "guid":
        return _guid(prefix, start, stop)
    raise ValueError(f"unknown id profile {ID_PROFILE}")


def company_id() -> str:
    """The id of the company (the root of the team tree)."""
    return "C0" if ID_PROFILE == "short" else ids("C", 0, 1, 1)[0]


_DAY_STR = None
_DAY_SP = None
_TIME_STR = None


def day_table() -> np.ndarray:
    """Object array: day offset from DAY0 -> 'YYYY-MM-DD'."""
    global _DAY_STR
    if _DAY_STR is None:
        days = np.arange(DAY0, DAY_LAST + 1, dtype="datetime64[D]")
        _DAY_STR = np.array(np.datetime_as_string(days, unit="D").tolist(), dtype=object)
    return _DAY_STR


def day_sp_table() -> np.ndarray:
    global _DAY_SP
    if _DAY_SP is None:
        _DAY_SP = np.array([d + " " for d in day_table().tolist()], dtype=object)
    return _DAY_SP


def time_table() -> np.ndarray:
    """Object array: second of day -> 'HH:MM:SS'."""
    global _TIME_STR
    if _TIME_STR is None:
        _TIME_STR = np.array(
            [f"{h:02d}:{m:02d}:{s:02d}" for h in range(24) for m in range(60) for s in range(60)], dtype=object)
    return _TIME_STR


def doff(d: np.datetime64) -> int:
    return int((d - DAY0).astype(int))


W0 = doff(WINDOW_START)
W1 = doff(WINDOW_END)  # inclusive
WINDOW_END_SEC = (W1 + 1) * 86400 - 1  # last second of the window, seconds since DAY0


def fmt_dates(day_off: np.ndarray) -> list:
    return day_table()[day_off].tolist()


def fmt_datetimes(sec: np.ndarray) -> list:
    """sec: int64 seconds since DAY0 00:00:00 -> 'YYYY-MM-DD HH:MM:SS'."""
    return (day_sp_table()[sec // 86400] + time_table()[sec % 86400]).tolist()


def fmt_datetimes_opt(sec: np.ndarray, present: np.ndarray) -> list:
    out = np.full(sec.shape[0], "", dtype=object)
    s = sec[present]
    out[present] = day_sp_table()[s // 86400] + time_table()[s % 86400]
    return out.tolist()




def fmt_money(cents: np.ndarray) -> list:
    cents = cents.astype(np.int64)
    whole = cents // 100
    frac = cents % 100
    frac_tbl = np.array([f".{i:02d}" for i in range(100)], dtype=object)
    whole_s = np.array(list(map(str, whole.tolist())), dtype=object)
    return (whole_s + frac_tbl[frac]).tolist()


def weekday_offsets(lo: int, hi: int) -> np.ndarray:
    """Day offsets in [lo, hi] that are Monday..Friday."""
    offs = np.arange(lo, hi + 1)
    wd = ((DAY0 + offs).astype("datetime64[D]").view("int64") - 4) % 7  # 1970-01-01 was a Thursday -> 0=Mon
    return offs[wd < 5]


def random_datetimes(rng: np.random.Generator, n: int, lo_day: int, hi_day: int, weekday_share: float) -> np.ndarray:
    """Seconds since DAY0; days mostly on weekdays, hours mostly office hours."""
    wk = weekday_offsets(lo_day, hi_day)
    use_wk = rng.random(n) < weekday_share
    day = np.where(use_wk, wk[rng.integers(0, wk.shape[0], n)], rng.integers(lo_day, hi_day + 1, n))
    hour = rng.choice(24, size=n, p=HOUR_P)
    sec = rng.integers(0, 3600, n)
    return day.astype(np.int64) * 86400 + hour * 3600 + sec


def write_rows(f, cols: list) -> None:
    f.write(("\n".join(map(",".join, zip(*cols))) + "\n").encode("utf-8"))


# --------------------------------------------------------------------------- org structure

def org(scale: float) -> dict:
    """Deterministic org chart shared by all workers (cheap: <= tens of thousands of users)."""
    c = counts(scale)
    n_users, n_depts, n_teams = c["users"], c["departments"], c["teams_leaf"]
    uw = width(n_users, 4)
    tw = width(n_teams, 3)
    dw = width(n_depts, 2)
    user_ids = np.array(ids("U", 0, n_users, uw), dtype=object)
    user_numbers = numbers("U", 0, n_users, uw)
    team_ids = np.array(ids("T", 0, n_teams, tw), dtype=object)
    dept_ids = np.array(ids("D", 0, n_depts, dw), dtype=object)

    u = np.arange(n_users)
    team_of = (u * n_teams) // n_users          # contiguous blocks
    team_first = np.searchsorted(team_of, np.arange(n_teams))  # first user of each team = its manager
    pos = u - team_first[team_of]
    dept_of_team = (np.arange(n_teams) * n_depts) // n_teams
    dept_first_team = np.searchsorted(dept_of_team, np.arange(n_depts))
    dept_head = team_first[dept_first_team]      # manager of the department's first team

    role = np.where(pos == 0, "manager", np.where(pos % 3 == 0, "service", "sales")).astype(object)
    manager = np.empty(n_users, dtype=np.int64)
    manager[:] = team_first[team_of]
    is_mgr = pos == 0
    manager[is_mgr] = dept_head[dept_of_team[team_of[is_mgr]]]
    heads = np.isin(u, dept_head)
    manager[heads] = 0                            # department heads report to U0001 (head of D01)
    manager[0] = -1                               # U0001 reports to nobody

    sales = u[role == "sales"]
    service = u[role == "service"]
    if sales.size == 0:
        sales = u
    if service.size == 0:
        service = u
    return dict(c=c, user_ids=user_ids, user_numbers=user_numbers, team_ids=team_ids, dept_ids=dept_ids, team_of=team_of,
                dept_of_team=dept_of_team, role=role, manager=manager, sales=sales, service=service,
                team_first=team_first, n_users=n_users)


# --------------------------------------------------------------------------- tables

def gen_teams(o: dict, f) -> int:
    n_t, n_d = o["team_ids"].shape[0], o["dept_ids"].shape[0]
    company = company_id()
    rows = [(company, "Synthetic Corp", "", "company")]
    for d in range(n_d):
        rows.append((o["dept_ids"][d], f"{DEPT_NAMES[d % len(DEPT_NAMES)]} {d + 1}", company, "department"))
    for t in range(n_t):
        rows.append((o["team_ids"][t], f"Team {TEAM_WORDS[t % len(TEAM_WORDS)]} {t + 1}",
                     o["dept_ids"][o["dept_of_team"][t]], "team"))
    write_rows(f, list(zip(*rows)))
    return len(rows)


def gen_users(o: dict, f) -> int:
    n = o["n_users"]
    rng = rng_for("users")
    fi = rng.integers(0, len(FIRST_NAMES), n)
    li = rng.integers(0, len(LAST_NAMES), n)
    names, emails = [], []
    for k in range(n):
        num = o["user_numbers"][k][1:]
        if k % 100 == 7:  # a handful of Chinese names (10 per 1,000 users)
            nm, handle = CHINESE_NAMES[(k // 100) % len(CHINESE_NAMES)]
        else:
            first, last = FIRST_NAMES[fi[k]], LAST_NAMES[li[k]]
            nm = f"{first} {last}"
            handle = f"{first}.{last}".lower().translate(ASCII_FOLD)
        names.append(nm)
        emails.append(f"{handle}.{num}@example.com")
    # hire dates: 90% before the window, 10% inside it
    before = rng.random(n) < 0.9
    hire = np.where(before, rng.integers(doff(np.datetime64("2012-01-01")), W0, n),
                    rng.integers(W0, W1 - 60, n))
    # ~8% of non-manager users leave inside the window, at least 30 days after hire
    leaves = (rng.random(n) < 0.08) & (o["role"] != "manager")
    lo = np.maximum(hire + 30, W0)
    leaves &= lo <= W1
    leave = lo + (rng.random(n) * (W1 - lo + 1)).astype(np.int64)
    leave_s = np.full(n, "", dtype=object)
    leave_s[leaves] = day_table()[leave[leaves]]
    mgr = np.full(n, "", dtype=object)
    has = o["manager"] >= 0
    mgr[has] = o["user_ids"][o["manager"][has]]
    cols = [o["user_ids"].tolist(), names, emails, o["team_ids"][o["team_of"]].tolist(),
            o["role"].tolist(), mgr.tolist(), fmt_dates(hire), leave_s.tolist()]
    write_rows(f, cols)
    return n


def account_owners_and_created(o: dict):
    """Account owner index and creation day offset (shared by several tables; own RNG stream)."""
    n = o["c"]["accounts"]
    rng = rng_for("accounts")
    owner = o["sales"][rng.integers(0, o["sales"].shape[0], n)]
    created = rng.integers(doff(np.datetime64("2020-01-01")), W1 + 1, n)
    return owner, created, rng


def gen_accounts(o: dict, f) -> int:
    n = o["c"]["accounts"]
    owner, created, rng = account_owners_and_created(o)
    aw = width(n, 6)
    a = rng.integers(0, len(COMPANY_A), n)
    b = rng.integers(0, len(COMPANY_B), n)
    ind = np.array(INDUSTRIES, dtype=object)[rng.integers(0, len(INDUSTRIES), n)]
    reg = np.array(REGIONS, dtype=object)[rng.integers(0, len(REGIONS), n)]
    acc_ids = ids("A", 0, n, aw)
    names = [f"{COMPANY_A[x]} {COMPANY_B[y]} {i[1:]}"
             for x, y, i in zip(a.tolist(), b.tolist(), numbers("A", 0, n, aw))]
    write_rows(f, [acc_ids, names, ind.tolist(), reg.tolist(), o["user_ids"][owner].tolist(), fmt_dates(created)])
    return n


def gen_opportunities(o: dict, f) -> int:
    n = o["c"]["opportunities"]
    n_acc = o["c"]["accounts"]
    acc_owner, acc_created, _ = account_owners_and_created(o)
    acc_ids = np.array(ids("A", 0, n_acc, width(n_acc, 6)), dtype=object)
    ow = width(n, 7)
    rng = rng_for("opportunities")
    prod = np.array(PRODUCTS, dtype=object)
    for start in range(0, n, CHUNK):
        m = min(CHUNK, n - start)
        acc = rng.integers(0, n_acc, m)
        # 85% owned by the account owner, else another sales user
        other = o["sales"][rng.integers(0, o["sales"].shape[0], m)]
        owner = np.where(rng.random(m) < 0.85, acc_owner[acc], other)
        lo = np.maximum(W0, acc_created[acc])
        created = lo + (rng.random(m) * (W1 - lo + 1)).astype(np.int64)
        stage = rng.choice(6, size=m, p=STAGE_P)
        cycle = np.ceil(rng.gamma(2.0, 25.0, m)).astype(np.int64)  # sales cycle in days, mean ~50
        closed = created + cycle
        # deals that would close after the window are still open at the end of it
        spill = (stage >= 4) & (closed > W1)
        stage[spill] = 3
        cents = np.clip(np.round(np.exp(rng.normal(np.log(15000.0), 0.9, m)) * 100), 50_000, 500_000_000)
        pi = rng.integers(0, len(PRODUCTS), m)
        kind = rng.integers(0, len(OPP_KINDS), m)
        oid = ids("O", start, start + m, ow)
        names = [f"{OPP_KINDS[k]} {PRODUCTS[p]} {i[1:]}"
                 for k, p, i in zip(kind.tolist(), pi.tolist(), numbers("O", start, start + m, ow))]
        closed_s = np.full(m, "", dtype=object)
        done = stage >= 4
        closed_s[done] = day_table()[closed[done]]
        write_rows(f, [oid, names, acc_ids[acc].tolist(), o["user_ids"][owner].tolist(), prod[pi].tolist(),
                       STAGES[stage].tolist(), fmt_money(cents), fmt_dates(created), closed_s.tolist()])
    return n


def gen_activities(o: dict, f) -> int:
    n = o["c"]["activities"]
    n_acc = o["c"]["accounts"]
    acc_ids = np.array(ids("A", 0, n_acc, width(n_acc, 6)), dtype=object)
    w = width(n, 8)
    rng = rng_for("activities")
    max_dur = 4 * 3600
    dur_tbl = np.array([str(i) for i in range(max_dur + 1)] + [""], dtype=object)  # index max_dur+1 -> ""
    workers = np.concatenate([o["sales"], o["sales"], o["service"]])  # sales do 2/3 of the activity
    for start in range(0, n, CHUNK):
        m = min(CHUNK, n - start)
        typ = rng.choice(4, size=m, p=ACT_TYPE_P)
        direction = (rng.random(m) < 0.7).astype(np.int64)  # 1 = outbound
        owner = workers[rng.integers(0, workers.shape[0], m)]
        acc = rng.integers(0, n_acc, m)
        when = random_datetimes(rng, m, W0, W1, 0.92)
        # call ~ 5 min, visit ~ 1.5 h, meeting ~ 45 min; email: empty
        base = np.array([300.0, 5400.0, 0.0, 2700.0])[typ]
        dur = np.clip(np.round(base * rng.lognormal(0.0, 0.5, m)), 10, max_dur).astype(np.int64)
        dur[typ == 2] = max_dur + 1
        write_rows(f, [ids("X", start, start + m, w), ACT_TYPES[typ].tolist(), DIRECTIONS[direction].tolist(),
                       o["user_ids"][owner].tolist(), acc_ids[acc].tolist(), fmt_datetimes(when),
                       dur_tbl[dur].tolist()])
    return n


def gen_cases(o: dict, f) -> int:
    n = o["c"]["cases"]
    n_acc = o["c"]["accounts"]
    acc_ids = np.array(ids("A", 0, n_acc, width(n_acc, 6)), dtype=object)
    w = width(n, 7)
    rng = rng_for("cases")
    for start in range(0, n, CHUNK):
        m = min(CHUNK, n - start)
        acc = rng.integers(0, n_acc, m)
        owner = o["service"][rng.integers(0, o["service"].shape[0], m)]
        prio = rng.choice(4, size=m, p=PRIORITY_P)
        chan = rng.choice(4, size=m, p=CHANNEL_P)
        opened = random_datetimes(rng, m, W0, W1, 0.85)
        # response / resolution delays shrink with priority
        resp_mean = np.array([8 * 3600.0, 4 * 3600.0, 3600.0, 900.0])[prio]
        res_mean = np.array([5 * 86400.0, 3 * 86400.0, 86400.0, 8 * 3600.0])[prio]
        first = opened + 60 + np.round(rng.exponential(1.0, m) * resp_mean).astype(np.int64)
        resolved = first + 60 + np.round(rng.exponential(1.0, m) * res_mean).astype(np.int64)
        u = rng.random(m)
        status = np.where(u < 0.05, 0, np.where(u < 0.12, 1, np.where(u < 0.45, 2, 3)))
        # as of the end of the window: nothing can happen after it
        status[(status >= 2) & (resolved > WINDOW_END_SEC)] = 1
        status[first > WINDOW_END_SEC] = 0
        has_first = (status >= 1) | ((status == 0) & (rng.random(m) < 0.4) & (first <= WINDOW_END_SEC))
        has_res = status >= 2
        write_rows(f, [ids("K", start, start + m, w), acc_ids[acc].tolist(), o["user_ids"][owner].tolist(),
                       PRIORITIES[prio].tolist(), CHANNELS[chan].tolist(), CASE_STATUS[status].tolist(),
                       fmt_datetimes(opened), fmt_datetimes_opt(first, has_first),
                       fmt_datetimes_opt(resolved, has_res)])
    return n


def gen_surveys(o: dict, f) -> int:
    n = o["c"]["surveys"]
    n_acc = o["c"]["accounts"]
    acc_owner, _, _ = account_owners_and_created(o)
    acc_ids = np.array(ids("A", 0, n_acc, width(n_acc, 6)), dtype=object)
    w = width(n, 7)
    rng = rng_for("surveys")
    score_tbl = np.array([str(i) for i in range(11)], dtype=object)
    kinds = np.array(["csat", "nps"], dtype=object)
    for start in range(0, n, CHUNK):
        m = min(CHUNK, n - start)
        nps = rng.random(m) < 0.3
        acc = rng.integers(0, n_acc, m)
        # csat rates a service agent; nps is attributed to the account owner
        svc = o["service"][rng.integers(0, o["service"].shape[0], m)]
        user = np.where(nps, acc_owner[acc], svc)
        csat = 1 + rng.choice(5, size=m, p=[0.05, 0.08, 0.17, 0.35, 0.35])
        npsv = rng.choice(11, size=m, p=[0.02, 0.02, 0.02, 0.03, 0.03, 0.05, 0.08, 0.15, 0.20, 0.20, 0.20])
        score = np.where(nps, npsv, csat)
        when = random_datetimes(rng, m, W0, W1, 0.8)
        write_rows(f, [ids("S", start, start + m, w), kinds[nps.astype(np.int64)].tolist(),
                       o["user_ids"][user].tolist(), acc_ids[acc].tolist(), fmt_datetimes(when),
                       score_tbl[score].tolist()])
    return n


def gen_quotas(o: dict, f) -> int:
    n_users = o["n_users"]
    rng = rng_for("quotas")
    role = o["role"]
    # monthly revenue target per user, rounded to 100.00; managers carry the sum of their team's sales targets
    base = np.where(role == "sales", rng.normal(100_000, 20_000, n_users), rng.normal(15_000, 3_000, n_users))
    base = np.maximum(base, 5_000.0)
    months = np.arange(MONTHS)
    growth = 1.0 + 0.01 * months  # 1% month-over-month ramp
    target = np.round(base[:, None] * growth[None, :] / 100.0) * 100.0  # users x months, whole 100s
    sales_mask = role == "sales"
    team_sum = np.zeros((o["team_ids"].shape[0], MONTHS))
    np.add.at(team_sum, o["team_of"][sales_mask], target[sales_mask])
    mgr = role == "manager"
    target[mgr] = np.maximum(np.round(team_sum[o["team_of"][mgr]] / 100.0) * 100.0, 5_000.0)
    cents = np.round(target * 100).astype(np.int64).reshape(-1)  # row-major: user, then month
    month_start = np.array([np.datetime64("2025-01", "M") + i for i in range(MONTHS)])
    ps = (month_start.astype("datetime64[D]") - DAY0).astype(np.int64)
    pe = ((month_start + 1).astype("datetime64[D]") - DAY0).astype(np.int64) - 1
    n = n_users * MONTHS
    uidx = np.repeat(np.arange(n_users), MONTHS)
    midx = np.tile(months, n_users)
    empty = [""] * n
    write_rows(f, [ids("Q", 0, n, width(n, 6)), o["user_ids"][uidx].tolist(), empty,
                   fmt_dates(ps[midx]), fmt_dates(pe[midx]), ["revenue"] * n,
                   fmt_money(cents), fmt_money(cents * 12 // 10), fmt_money(cents * 3 // 2)])
    # Quarterly team quotas: 1.05 x the team's sales targets of the quarter, whole 1,000s (so the
    # team's own row differs from the sum of its members' and a rollup must not add both), and
    # yearly department quotas: the sum of the department's team quotas of the year.
    n_t, n_d = o["team_ids"].shape[0], o["dept_ids"].shape[0]
    team_quarter = team_sum.reshape(n_t, QUARTERS, 3).sum(axis=2)
    team_target = np.maximum(np.round(team_quarter * 1.05 / 1000.0) * 1000.0, 1000.0)  # teams x quarters
    dept_target = np.zeros((n_d, YEARS))
    np.add.at(dept_target, o["dept_of_team"], team_target.reshape(n_t, YEARS, 4).sum(axis=2))
    for kind, unit_ids, targets, step in (("T", o["team_ids"], team_target, 3), ("D", o["dept_ids"], dept_target, 12)):
        periods = targets.shape[1]
        m = unit_ids.shape[0] * periods
        pidx = np.tile(np.arange(periods), unit_ids.shape[0])
        first = ps[pidx * step]
        last = pe[pidx * step + step - 1]
        unit_cents = np.round(targets * 100).astype(np.int64).reshape(-1)
        owners = unit_ids[np.repeat(np.arange(unit_ids.shape[0]), periods)].tolist()
        write_rows(f, [ids("Q" + kind, 0, m, width(m, 4)), [""] * m, owners,
                       fmt_dates(first), fmt_dates(last), ["revenue"] * m,
                       fmt_money(unit_cents), fmt_money(unit_cents * 12 // 10), fmt_money(unit_cents * 3 // 2)])
        n += m
    return n


# --------------------------------------------------------------------------- the packs' tables
#
# Shapes: references are random but skewed where real CRMs are (a Zipf-like share of accounts
# buys most orders; a few products sell most lines; a few queues take most calls), dates fall in
# the 24-month window with office hours, and optional dates are empty where the event has not
# happened by the end of the window.

CAMPAIGN_CHANNELS = np.array(["email", "event", "web", "social", "ads", "phone"], dtype=object)
LEAD_SOURCES = np.array(["web", "event", "referral", "email", "partner", "cold call"], dtype=object)
LEAD_STATUS = np.array(["new", "working", "qualified", "converted", "disqualified"], dtype=object)
ORDER_STATUS = np.array(["draft", "confirmed", "shipped", "delivered", "cancelled"], dtype=object)
PRODUCT_FAMILIES = np.array(["core", "premium", "seasonal", "accessories", "services"], dtype=object)
QUEUES = np.array(["billing", "technical", "sales", "claims", "general"], dtype=object)
SYSTEMS = np.array(["CRM", "CRM API", "Mobile app", "Email sync", "Reporting"], dtype=object)
SEVERITIES = np.array(["low", "medium", "high", "critical"], dtype=object)
IMPACTS = np.array(["none", "degraded", "partial_outage", "major_outage"], dtype=object)
BOOL = np.array(["false", "true"], dtype=object)


def account_ids(o: dict) -> np.ndarray:
    n_acc = o["c"]["accounts"]
    return np.array(ids("A", 0, n_acc, width(n_acc, 6)), dtype=object)


def skewed(rng: np.random.Generator, n: int, m: int, a: float = 1.3) -> np.ndarray:
    """m indexes below n, Zipf-skewed over a fixed random permutation (so the heavy rows are
    spread over the id range, not the first ids)."""
    perm = np.random.Generator(np.random.PCG64(np.random.SeedSequence([SEED, 999, n]))).permutation(n)
    k = (rng.zipf(a, m) - 1) % n
    return perm[k]


def fmt_ints(values: np.ndarray) -> list:
    return list(map(str, values.astype(np.int64).tolist()))


def gen_contacts(o: dict, f) -> int:
    n = o["c"]["contacts"]
    acc_owner, acc_created, _ = account_owners_and_created(o)
    acc_ids = account_ids(o)
    rng = rng_for("contacts")
    w = width(n, 6)
    acc = rng.integers(0, acc_ids.shape[0], n)
    fi = rng.integers(0, len(FIRST_NAMES), n)
    li = rng.integers(0, len(LAST_NAMES), n)
    nums = numbers("N", 0, n, w)
    names = [f"{FIRST_NAMES[a]} {LAST_NAMES[b]}" for a, b in zip(fi.tolist(), li.tolist())]
    email = np.array([f"{FIRST_NAMES[a]}.{LAST_NAMES[b]}.{i[1:]}@client.example".lower().translate(ASCII_FOLD)
                      for a, b, i in zip(fi.tolist(), li.tolist(), nums)], dtype=object)
    email[rng.random(n) < 0.12] = ""  # incomplete records
    dup = rng.random(n) < 0.03  # duplicates: a neighbour's e-mail
    email[1:][dup[1:]] = email[:-1][dup[1:]]
    phone = np.array([f"+1 555 {x:07d}" for x in rng.integers(0, 10_000_000, n).tolist()], dtype=object)
    phone[rng.random(n) < 0.25] = ""
    lo = np.maximum(acc_created[acc], doff(np.datetime64("2020-01-01")))
    created = lo + (rng.random(n) * (W1 - lo + 1)).astype(np.int64)
    write_rows(f, [ids("N", 0, n, w), names, acc_ids[acc].tolist(), o["user_ids"][acc_owner[acc]].tolist(),
                   email.tolist(), phone.tolist(), fmt_dates(created)])
    return n


def gen_products(o: dict, f) -> int:
    n = o["c"]["products"]
    rng = rng_for("products")
    fam = PRODUCT_FAMILIES[rng.choice(PRODUCT_FAMILIES.shape[0], n, p=[0.4, 0.2, 0.15, 0.15, 0.1])]
    cents = np.round(np.exp(rng.normal(np.log(40.0), 1.0, n)) * 100).astype(np.int64) + 100
    pid = ids("P", 0, n, 4)
    names = [f"{PRODUCTS[k % len(PRODUCTS)]} {i[1:]}" for k, i in enumerate(numbers("P", 0, n, 4))]
    write_rows(f, [pid, names, fam.tolist(), fmt_money(cents)])
    return n


def campaign_rows(o: dict):
    """Campaign owners, start and end days and cost in cents (shared by the campaign tables)."""
    n = o["c"]["campaigns"]
    rng = rng_for("campaigns")
    owner = o["sales"][rng.integers(0, o["sales"].shape[0], n)]
    start = rng.integers(W0 - 30, W1 - 5, n)
    end = start + rng.integers(0, 60, n)
    cost = np.round(np.exp(rng.normal(np.log(5000.0), 1.0, n)) * 100).astype(np.int64)
    return n, owner, start, end, cost, rng


def gen_campaigns(o: dict, f) -> int:
    n, owner, start, end, cost, rng = campaign_rows(o)
    chan = CAMPAIGN_CHANNELS[rng.integers(0, CAMPAIGN_CHANNELS.shape[0], n)]
    budget = cost + np.round(rng.random(n) * 0.3 * cost).astype(np.int64)
    nums = numbers("M", 0, n, width(n, 4))
    names = [f"Campaign {i[1:]} {c}" for i, c in zip(nums, chan.tolist())]
    write_rows(f, [ids("M", 0, n, width(n, 4)), names, chan.tolist(), o["user_ids"][owner].tolist(),
                   fmt_dates(start), fmt_dates(end), fmt_money(cost), fmt_money(budget)])
    return n


def campaign_ids(o: dict) -> np.ndarray:
    n = o["c"]["campaigns"]
    return np.array(ids("M", 0, n, width(n, 4)), dtype=object)


def gen_leads(o: dict, f) -> int:
    n = o["c"]["leads"]
    n_c, _, c_start, _, _, _ = campaign_rows(o)
    acc_ids = account_ids(o)
    rng = rng_for("leads")
    w = width(n, 6)
    camp = skewed(rng, n_c, n)
    has_camp = rng.random(n) < 0.7
    camp_s = np.where(has_camp, campaign_ids(o)[camp], "")
    owner = o["sales"][rng.integers(0, o["sales"].shape[0], n)]
    created = np.where(has_camp, np.clip(c_start[camp] + rng.integers(0, 45, n), W0, W1),
                       rng.integers(W0, W1 + 1, n)).astype(np.int64) * 86400 + rng.integers(28800, 64800, n)
    status = rng.choice(5, size=n, p=[0.15, 0.25, 0.15, 0.2, 0.25])
    conv = created + np.round(rng.exponential(20 * 86400.0, n)).astype(np.int64)
    status[(status == 3) & (conv > WINDOW_END_SEC)] = 2
    converted = status == 3
    account = np.full(n, "", dtype=object)
    account[converted] = acc_ids[rng.integers(0, acc_ids.shape[0], int(converted.sum()))]
    nums = numbers("L", 0, n, w)
    write_rows(f, [ids("L", 0, n, w), [f"Lead {i[1:]}" for i in nums], [f"Company {i[1:]}" for i in nums],
                   LEAD_SOURCES[rng.integers(0, LEAD_SOURCES.shape[0], n)].tolist(), LEAD_STATUS[status].tolist(),
                   o["user_ids"][owner].tolist(), camp_s.tolist(), fmt_datetimes(created),
                   fmt_datetimes_opt(conv, converted), account.tolist()])
    return n


def gen_campaign_members(o: dict, f) -> int:
    n = o["c"]["campaign_members"]
    n_c, _, c_start, c_end, _, _ = campaign_rows(o)
    n_l = o["c"]["leads"]
    lead_ids = np.array(ids("L", 0, n_l, width(n_l, 6)), dtype=object)
    acc_ids = account_ids(o)
    rng = rng_for("campaign_members")
    camp = skewed(rng, n_c, n)
    is_lead = rng.random(n) < 0.6
    lead = np.where(is_lead, lead_ids[rng.integers(0, n_l, n)], "")
    account = np.where(is_lead, "", acc_ids[rng.integers(0, acc_ids.shape[0], n)])
    added = c_start[camp] - rng.integers(0, 14, n)
    responded = rng.random(n) < 0.3
    resp_day = np.minimum(c_end[camp] + 7, c_start[camp] + rng.integers(0, 30, n))
    responded &= resp_day <= W1
    converted = responded & (rng.random(n) < 0.25)
    resp_s = np.full(n, "", dtype=object)
    resp_s[responded] = day_table()[resp_day[responded]]
    write_rows(f, [ids("CM", 0, n, width(n, 6)), campaign_ids(o)[camp].tolist(), lead.tolist(), account.tolist(),
                   fmt_dates(added), BOOL[responded.astype(np.int64)].tolist(), resp_s.tolist(),
                   BOOL[converted.astype(np.int64)].tolist()])
    return n


def order_rows(o: dict):
    """Orders: account (skewed: a few accounts buy most), owner (the account's owner), day,
    status and amount in cents (shared by orders, order_lines and payments)."""
    n = o["c"]["orders"]
    acc_owner, _, _ = account_owners_and_created(o)
    rng = rng_for("orders")
    acc = skewed(rng, o["c"]["accounts"], n, 1.2)
    day = rng.integers(W0, W1 + 1, n)
    status = rng.choice(5, size=n, p=[0.03, 0.12, 0.15, 0.65, 0.05])
    cents = np.round(np.exp(rng.normal(np.log(800.0), 1.1, n)) * 100).astype(np.int64) + 500
    return n, acc, acc_owner[acc], day, status, cents, rng


def gen_orders(o: dict, f) -> int:
    n, acc, owner, day, status, cents, rng = order_rows(o)
    n_p = o["c"]["products"]
    prod = np.array(ids("P", 0, n_p, 4), dtype=object)[skewed(rng, n_p, n)]
    delivered = (status == 3) & (day + 10 <= W1)
    dlv = day + rng.integers(1, 10, n)
    dlv_s = np.full(n, "", dtype=object)
    dlv_s[delivered] = day_table()[dlv[delivered]]
    write_rows(f, [ids("R", 0, n, width(n, 6)), account_ids(o)[acc].tolist(), o["user_ids"][owner].tolist(),
                   prod.tolist(), ORDER_STATUS[status].tolist(), fmt_money(cents), fmt_dates(day),
                   dlv_s.tolist(), fmt_dates(day + 7)])
    return n


def gen_order_lines(o: dict, f) -> int:
    n = o["c"]["order_lines"]
    n_o, acc, owner, day, _, _, _ = order_rows(o)
    n_p = o["c"]["products"]
    prod_ids = np.array(ids("P", 0, n_p, 4), dtype=object)
    order_ids = np.array(ids("R", 0, n_o, width(n_o, 6)), dtype=object)
    acc_ids = account_ids(o)
    rng = rng_for("order_lines")
    # every order has at least one line, the rest spread at random; lines sorted by order
    order = np.sort(np.concatenate([np.arange(min(n, n_o)), rng.integers(0, n_o, max(0, n - n_o))]))
    prod = skewed(rng, n_p, n)
    qty = 1 + rng.geometric(0.15, n)
    price = np.round(np.exp(rng.normal(np.log(40.0), 0.8, n)) * 100).astype(np.int64) + 50
    write_rows(f, [ids("RL", 0, n, width(n, 7)), order_ids[order].tolist(), prod_ids[prod].tolist(), fmt_ints(qty),
                   fmt_money(price), fmt_money(price * qty), acc_ids[acc[order]].tolist(),
                   o["user_ids"][owner[order]].tolist(), fmt_dates(day[order])])
    return n


def gen_payments(o: dict, f) -> int:
    n = o["c"]["payments"]
    n_o, acc, owner, day, _, cents, _ = order_rows(o)
    order_ids = np.array(ids("R", 0, n_o, width(n_o, 6)), dtype=object)
    rng = rng_for("payments")
    order = rng.choice(n_o, size=min(n, n_o), replace=False) if n <= n_o else rng.integers(0, n_o, n)
    due = day[order] + rng.choice([15, 30, 45, 60], size=order.shape[0])
    late = np.round(rng.exponential(12.0, order.shape[0]) - 6).astype(np.int64)
    received = due + late
    paid = received <= W1
    rec_s = np.full(order.shape[0], "", dtype=object)
    rec_s[paid] = day_table()[received[paid]]
    write_rows(f, [ids("PY", 0, n, width(n, 6)), order_ids[order].tolist(), account_ids(o)[acc[order]].tolist(),
                   o["user_ids"][owner[order]].tolist(), fmt_money(cents[order]), fmt_dates(due), rec_s.tolist()])
    return n


def gen_calls(o: dict, f) -> int:
    n = o["c"]["calls"]
    rng = rng_for("calls")
    agent = o["service"][rng.integers(0, o["service"].shape[0], n)]
    queue = QUEUES[rng.choice(QUEUES.shape[0], n, p=[0.35, 0.3, 0.15, 0.1, 0.1])]
    inbound = rng.random(n) < 0.85
    queued = np.sort(random_datetimes(rng, n, W0, W1, 0.9))
    wait = np.round(rng.exponential(25.0, n)).astype(np.int64)
    abandoned = inbound & (rng.random(n) < np.clip(wait / 300.0, 0.02, 0.6))
    wait[~inbound] = 0
    talk = np.round(rng.lognormal(np.log(240.0), 0.6, n)).astype(np.int64)
    talk[abandoned] = 0
    answered = queued + wait
    ended = answered + talk
    agent_s = np.where(abandoned, "", o["user_ids"][agent])
    write_rows(f, [ids("CL", 0, n, width(n, 7)), agent_s.tolist(), queue.tolist(),
                   np.where(inbound, "inbound", "outbound").tolist(), fmt_datetimes(queued),
                   fmt_datetimes_opt(answered, ~abandoned), fmt_datetimes(ended), BOOL[abandoned.astype(np.int64)].tolist(),
                   fmt_ints(wait), fmt_ints(talk)])
    return n


def gen_subscriptions(o: dict, f) -> int:
    n = o["c"]["subscriptions"]
    acc_owner, _, _ = account_owners_and_created(o)
    rng = rng_for("subscriptions")
    acc = skewed(rng, o["c"]["accounts"], n, 1.5)
    billing = rng.choice([1, 3, 12], size=n, p=[0.5, 0.2, 0.3])
    mrr = np.round(np.exp(rng.normal(np.log(300.0), 0.9, n))).astype(np.int64) * 100
    amount = mrr * billing
    started = rng.integers(doff(np.datetime64("2023-01-01")), W1 + 1, n)
    ended = started + np.round(rng.exponential(700.0, n)).astype(np.int64) + 30
    ends = ended <= W1
    end_s = np.full(n, "", dtype=object)
    end_s[ends] = day_table()[ended[ends]]
    plans = np.array(["Starter", "Pro", "Enterprise"], dtype=object)[rng.integers(0, 3, n)]
    mrr_s = np.array(fmt_money(mrr), dtype=object)
    mrr_s[rng.random(n) < 0.2] = ""  # some exports carry only the billed amount
    write_rows(f, [ids("B", 0, n, width(n, 5)), account_ids(o)[acc].tolist(), o["user_ids"][acc_owner[acc]].tolist(),
                   plans.tolist(), fmt_money(amount), fmt_ints(billing), mrr_s.tolist(), fmt_dates(started),
                   end_s.tolist()])
    return n


def gen_incidents(o: dict, f) -> int:
    n = o["c"]["incidents"]
    rng = rng_for("incidents")
    sev = rng.choice(4, size=n, p=[0.4, 0.35, 0.2, 0.05])
    impact = np.minimum(sev, rng.integers(0, 4, n))
    started = np.sort(random_datetimes(rng, n, W0, W1, 0.7))
    reported = started + np.round(rng.exponential(900.0, n)).astype(np.int64)
    ack = reported + np.round(rng.exponential(np.array([4 * 3600.0, 2 * 3600.0, 3600.0, 900.0])[sev])).astype(np.int64)
    res = ack + np.round(rng.exponential(np.array([72 * 3600.0, 24 * 3600.0, 8 * 3600.0, 3 * 3600.0])[sev])).astype(np.int64)
    done = res <= WINDOW_END_SEC
    has_ack = ack <= WINDOW_END_SEC
    status = np.where(done, "resolved", np.where(has_ack, "in_progress", "new"))
    nums = numbers("I", 0, n, width(n, 4))
    write_rows(f, [ids("I", 0, n, width(n, 4)), SYSTEMS[rng.integers(0, SYSTEMS.shape[0], n)].tolist(),
                   [f"Incident {i[1:]}" for i in nums], SEVERITIES[sev].tolist(), IMPACTS[impact].tolist(),
                   status.tolist(), fmt_datetimes(started), fmt_datetimes(reported), fmt_datetimes_opt(ack, has_ack),
                   fmt_datetimes_opt(res, done)])
    return n


HEADERS = {
    "teams": "id,name,parent,kind",
    "users": "id,name,email,team,role,manager,hire_date,leave_date",
    "accounts": "id,name,industry,region,owner,created_at",
    "opportunities": "id,name,account,owner,product,stage,amount,created_at,closed_at",
    "activities": "id,type,direction,owner,account,occurred_at,duration_seconds",
    "cases": "id,account,owner,priority,channel,status,opened_at,first_response_at,resolved_at",
    "surveys": "id,type,user,account,submitted_at,score",
    "quotas": "id,user,team,period_start,period_end,metric,target,stretch,challenge",
    "contacts": "id,name,account,owner,email,phone,created_at",
    "products": "id,name,family,list_price",
    "campaigns": "id,name,channel,owner,start_date,end_date,cost,budget",
    "leads": "id,name,company,source,status,owner,campaign,created_at,converted_at,account",
    "campaign_members": "id,campaign,lead,account,added_at,responded,responded_at,converted",
    "orders": "id,account,owner,product,status,amount,ordered_at,delivered_at,promised_at",
    "order_lines": "id,order,product,quantity,unit_price,amount,account,owner,ordered_at",
    "payments": "id,order,account,owner,amount,due_at,received_at",
    "calls": "id,agent,queue,direction,queued_at,answered_at,ended_at,abandoned,wait_seconds,talk_seconds",
    "subscriptions": "id,account,owner,plan,amount,billing_months,mrr,started_at,ended_at",
    "incidents": "id,system,title,severity,impact,status,started_at,reported_at,acknowledged_at,resolved_at",
}
GENERATORS = {
    "teams": gen_teams, "users": gen_users, "accounts": gen_accounts, "opportunities": gen_opportunities,
    "activities": gen_activities, "cases": gen_cases, "surveys": gen_surveys, "quotas": gen_quotas,
    "contacts": gen_contacts, "products": gen_products, "campaigns": gen_campaigns, "leads": gen_leads,
    "campaign_members": gen_campaign_members, "orders": gen_orders, "order_lines": gen_order_lines,
    "payments": gen_payments, "calls": gen_calls, "subscriptions": gen_subscriptions, "incidents": gen_incidents,
}


def generate_table(args) -> tuple:
    global ID_PROFILE
    table, scale, data_dir, profile = args
    ID_PROFILE = profile
    t0 = time.perf_counter()
    o = org(scale)
    path = os.path.join(data_dir, f"{table}.csv")
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write((HEADERS[table] + "\n").encode("utf-8"))
        rows = GENERATORS[table](o, f)
    os.replace(tmp, path)
    return table, rows, os.path.getsize(path), time.perf_counter() - t0


def fmt_scale(scale: float) -> str:
    return f"{scale:g}"


def write_toml(out: str, scale: float, profile: str = "short", tables: list = None, data_path: str = "data",
               title: str = "") -> None:
    """Writes OUT/yardstick.toml mapping `tables` (the original eight by default) from the
    folder `data_path` (relative to OUT)."""
    tables = tables or TABLES[:len(TABLES) - len(PACK_TABLES)]
    dt_fmt = '[entities.{t}.formats]\ndatetime = "%Y-%m-%d %H:%M:%S"\n'
    lines = [
        "[workspace]",
        (f'name = "Synthetic scale {fmt_scale(scale)}{title}"' if profile == "short"
         else f'name = "Synthetic scale {fmt_scale(scale)}{title}, {profile} ids"'),
        'locale = "en"',
        'timezone = "UTC"',
        "",
        "[calendar]",
        "fiscal_year_start = 1   # month number",
        'week_start = "monday"',
        "",
        "[sources.data]",
        'kind = "folder"',
        f'path = "{data_path}"',
        'encoding = "utf-8"',
        "",
    ]
    text = "\n".join(lines) + "\n"
    for t in tables:
        comment = "          # relative to the source folder; fields default to same-named columns" if t == tables[0] else ""
        text += f'[entities.{t}]\nfile = "{t}.csv"{comment}\n'
        if t in ("activities", "cases", "surveys", "leads", "calls", "incidents"):
            text += dt_fmt.format(t=t)
        text += "\n"
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "yardstick.toml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text.rstrip("\n") + "\n")


def write_tomls(out: str, scale: float, profile: str) -> None:
    """The workspace's yardstick.toml maps the original eight tables, so the load, evaluation,
    key and score benchmarks load what they always loaded; OUT/packs/yardstick.toml is the
    pack benchmark's workspace: every table, from the same data folder."""
    write_toml(out, scale, profile)
    write_toml(os.path.join(out, "packs"), scale, profile, tables=TABLES, data_path="../data",
               title=", every table the standard packs read")


# The 13-indicator scorecard of the score benchmark (run-score-benchmark.sh): every indicator of
# benchmarks/indicators in a three-dimension tree, with each kind of scoring function, quota and
# constant targets, the zero and reweight missing-value policies, grades and a forced distribution. Users are
# compared within their role (sales, service, manager).
SCORE_MODEL = """-- Generated by benchmarks/generate_workspace.py: the score benchmark's model (13 indicators).
return scorecard {
  id = "benchmark",
  title = { en = "Benchmark scorecard", zh = "基准考核" },
  version = "1.0",
  per = "user",
  peers = "role",
  cap = 120,
  missing = "reweight",

  dimension "sales" { weight = 60,
    kpi "revenue" { weight = 30, target = quota "revenue", score = linear { zero = 0.5, full = 1.0 } },
    kpi "quota_completion" { weight = 10, target = 1.0, score = threshold { at = 1.0, pass = 100, fail = 0 } },
    kpi "won_deals" { weight = 15, score = rank },
    kpi "win_rate" { weight = 15, target = 0.4, score = proportional, missing = "zero" },
    kpi "avg_won_deal_size" { weight = 10, score = relative_to_mean },
    kpi "avg_sales_cycle_days" { weight = 10, better = "lower", score = percentile },
    kpi "new_accounts" { weight = 10, target = 2, score = steps { { 1, 50 }, { 2, 100 }, basis = "value" } },
  },
  dimension "activity" { weight = 20,
    kpi "visits" { weight = 25, score = rank },
    kpi "calls" { weight = 25, score = percentile },
    kpi "distinct_accounts_touched" { weight = 50, score = relative_to_best },
  },
  dimension "service" { weight = 20,
    kpi "cases_resolved" { weight = 40, score = rank },
    kpi "avg_resolution_hours" { weight = 30, better = "lower", score = percentile },
    kpi "avg_csat" { weight = 30, target = 4.2, score = linear { zero = 0.6, full = 1.0 } },
  },

  grades = { A = 90, B = 75, C = 60, D = 0 },
  distribution = { A = 20, B = 70, C = 10 },
}
"""


def write_model(out: str) -> None:
    """Writes DIR/model.lua and copies benchmarks/indicators/*.lua to DIR/indicators/, so that
    `yardstick run` and `yardstick score` over DIR read the same 13 indicator files."""
    here = os.path.dirname(os.path.abspath(__file__))
    source = os.path.join(here, "indicators")
    target = os.path.join(out, "indicators")
    os.makedirs(target, exist_ok=True)
    for name in sorted(os.listdir(source)):
        if name.endswith(".lua"):
            with open(os.path.join(source, name), "rb") as src, open(os.path.join(target, name), "wb") as dst:
                dst.write(src.read())
    with open(os.path.join(out, "model.lua"), "w", encoding="utf-8", newline="\n") as f:
        f.write(SCORE_MODEL)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0, help="size multiplier (1 = 1M opportunities, 5M activities)")
    ap.add_argument("--out", required=True, help="workspace directory to create")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    ap.add_argument("--ids", choices=ID_PROFILES, default="short",
                    help="id shape: short (U0001, A000001: fixed width, sorted; the default), salesforce "
                         "(18-character case-safe ids), guid (36 characters), int-unsorted (unique integers of up "
                         "to 11 digits in no order), unpadded (a0 ... a99999 in generation order)")
    ap.add_argument("--model-only", action="store_true",
                    help="only (re)write model.lua and indicators/ into an existing workspace")
    ap.add_argument("--toml-only", action="store_true",
                    help="only (re)write yardstick.toml and packs/yardstick.toml of an existing workspace")
    a = ap.parse_args(argv)
    if a.scale <= 0:
        ap.error("--scale must be > 0")
    if a.toml_only:
        write_tomls(a.out, a.scale, a.ids)
        print(f"wrote {a.out}/yardstick.toml and {a.out}/packs/yardstick.toml", file=sys.stderr)
        return 0
    if a.model_only:
        write_model(a.out)
        print(f"wrote {a.out}/model.lua and {a.out}/indicators/", file=sys.stderr)
        return 0
    data_dir = os.path.join(a.out, "data")
    os.makedirs(data_dir, exist_ok=True)
    t0 = time.perf_counter()
    # biggest first so the pool stays busy
    order = ["activities", "opportunities", "order_lines", "cases", "calls", "surveys", "orders", "contacts",
             "accounts", "payments", "campaign_members", "leads", "quotas", "subscriptions", "users", "campaigns",
             "products", "incidents", "teams"]
    work = [(t, a.scale, data_dir, a.ids) for t in order]
    if a.jobs > 1:
        with ProcessPoolExecutor(max_workers=a.jobs) as ex:
            results = list(ex.map(generate_table, work))
    else:
        results = [generate_table(w) for w in work]
    write_tomls(a.out, a.scale, a.ids)
    write_model(a.out)
    total = time.perf_counter() - t0
    by = {r[0]: r for r in results}
    total_rows = total_bytes = 0
    for t in TABLES:
        _, rows, size, secs = by[t]
        total_rows += rows
        total_bytes += size
        print(f"{t:<14} {rows:>12,} rows {size / 2**20:>10.1f} MiB {secs:>7.2f} s", file=sys.stderr)
    print(f"{'total':<14} {total_rows:>12,} rows {total_bytes / 2**20:>10.1f} MiB {total:>7.2f} s wall -> {a.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
