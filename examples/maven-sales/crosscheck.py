#!/usr/bin/env python3
"""Independent cross-check of the Maven CRM sales example workspace.

What it verifies
----------------
From the raw CSV files in ./data, using nothing but Python's standard library
(csv, datetime, decimal), this script applies the entity mapping that
yardstick.toml describes -- restated here by hand, see MAPPINGS below -- and
computes the figures that `yardstick check` must reproduce:

  per entity (rows of all its mappings concatenated, after `distinct`):
    - rows
    - non-null count of every vocabulary field (unmapped fields: 0) and of
      every custom field; null count of every field that has values
    - values that do not parse as the field's type (integer, decimal, date,
      enum) -- expected 0 everywhere in this data set
    - duplicate ids (count of id values seen more than once, rows involved,
      up to 5 sorted examples)
    - per reference field: non-null values whose key is not an id of the
      target entity (count, up to 5 distinct sorted examples)
    - per date field: min and max (null when the field has no value)
  for opportunities, in addition:
    - row count per mapped stage, sum of amount over won rows,
    - won/lost rows with null closed_at, open rows with null closed_at.

Empty cells are null. Ids and references are compared as exact strings.

Independence
------------
This script shares no code with the Swift implementation of Yardstick and
does not use its loader: the mapping is written out below in Python, and the
result is written to expected-check.json for the Swift tests to compare with.
yardstick.toml is only read (with tomllib) to assert that it states the same
mapping as this script, so the two cannot drift apart silently; pass
--no-toml to skip that comparison.

Usage:  python3 crosscheck.py [--no-toml]      (writes expected-check.json)
"""

import csv
import json
import sys
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
OUT = HERE / "expected-check.json"
DATE_FORMAT = "%Y-%m-%d"
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"   # surveys only (its mapping's [formats])

# --- CRM vocabulary (only the entities used here) ---------------------------
# field -> (type, enum values or reference target)
VOCABULARY = {
    "teams": {
        "id": ("string", None), "name": ("string", None),
        "parent": ("reference", "teams"),
        "kind": ("enum", ["company", "department", "team"]),
        "manager": ("reference", "users"),
    },
    "users": {
        "id": ("string", None), "name": ("string", None), "email": ("string", None),
        "team": ("reference", "teams"), "role": ("string", None),
        "manager": ("reference", "users"),
        "hire_date": ("date", None), "leave_date": ("date", None),
    },
    "accounts": {
        "id": ("string", None), "name": ("string", None), "industry": ("string", None),
        "country": ("string", None), "region": ("string", None),
        "annual_revenue": ("decimal", None), "employees": ("integer", None),
        "parent": ("reference", "accounts"), "owner": ("reference", "users"),
        "created_at": ("date", None),
    },
    "products": {
        "id": ("string", None), "name": ("string", None), "family": ("string", None),
        "list_price": ("decimal", None),
    },
    "opportunities": {
        "id": ("string", None), "name": ("string", None),
        "account": ("reference", "accounts"), "owner": ("reference", "users"),
        "product": ("reference", "products"),
        "stage": ("enum", ["prospecting", "qualification", "proposal", "negotiation", "won", "lost"]),
        "amount": ("decimal", None), "created_at": ("date", None), "closed_at": ("date", None),
        "lost_reason": ("string", None), "source": ("string", None),
    },
    "surveys": {
        "id": ("string", None),
        "type": ("enum", ["csat", "nps", "complaint", "suggestion"]),
        "user": ("reference", "users"), "account": ("reference", "accounts"),
        "case": ("reference", "cases"), "submitted_at": ("datetime", None),
        "score": ("decimal", None), "comment": ("string", None),
    },
    "quotas": {
        "id": ("string", None), "user": ("reference", "users"), "team": ("reference", "teams"),
        "period_start": ("date", None), "period_end": ("date", None), "metric": ("string", None),
        "target": ("decimal", None), "stretch": ("decimal", None), "challenge": ("decimal", None),
    },
}

# --- The mapping, restated by hand -------------------------------------------
# A field spec is a column name, or a dict with "column" (+ optional "map")
# or "value" (a constant) -- the same shapes yardstick.toml uses.
STAGE_MAP = {"Won": "won", "Lost": "lost", "Engaging": "qualification", "Prospecting": "prospecting"}
MAPPINGS = {
    "teams": [
        {"file": "sales_teams.csv", "distinct": True,
         "fields": {"id": "manager", "name": "manager", "parent": "regional_office",
                    "kind": {"value": "team"}, "manager": "manager"}},
        {"file": "sales_teams.csv", "distinct": True,
         "fields": {"id": "regional_office", "name": "regional_office",
                    "parent": {"value": "Maven"}, "kind": {"value": "department"}}},
        {"file": "sales_teams.csv", "distinct": True,
         "fields": {"id": {"value": "Maven"}, "name": {"value": "Maven"},
                    "kind": {"value": "company"}}},
    ],
    "users": [
        {"file": "sales_teams.csv",
         "fields": {"id": "sales_agent", "name": "sales_agent", "team": "manager",
                    "manager": "manager", "role": {"value": "sales"}}},
        {"file": "sales_teams.csv", "distinct": True,
         "fields": {"id": "manager", "name": "manager", "team": "manager",
                    "role": {"value": "manager"}}},
    ],
    "accounts": [
        {"file": "accounts.csv",
         "fields": {"id": "account", "name": "account", "industry": "sector",
                    "country": "office_location", "annual_revenue": "revenue",
                    "employees": "employees", "parent": "subsidiary_of"},
         "custom": {"year_established": {"column": "year_established", "type": "integer",
                                         "description": "Year the company was established"}}},
    ],
    "products": [
        {"file": "products.csv",
         "fields": {"id": "product", "name": "product", "family": "series",
                    "list_price": "sales_price"}},
    ],
    "opportunities": [
        {"file": "sales_pipeline.csv",
         "fields": {"id": "opportunity_id", "owner": "sales_agent", "product": "product",
                    "account": "account",
                    "stage": {"column": "deal_stage", "map": STAGE_MAP},
                    "created_at": "engage_date", "closed_at": "close_date",
                    "amount": "close_value"}},
    ],
    # Not Maven's: the example's synthetic tables (derive_ratings.py, derive_quotas.py).
    "surveys": [
        {"file": "ratings.csv", "formats": {"datetime": "%Y-%m-%d %H:%M:%S"},
         "fields": {"id": "survey_id", "type": "kind", "user": "agent", "account": "account",
                    "submitted_at": "submitted_at", "score": "score", "comment": "comment"}},
    ],
    "quotas": [
        {"file": "quotas.csv",
         "fields": {"id": "quota_id", "user": "agent", "team": "team", "period_start": "period_start",
                    "period_end": "period_end", "metric": "metric", "target": "target",
                    "stretch": "stretch", "challenge": "challenge"}},
    ],
}


def read_csv(name):
    with open(DATA / name, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


# The vocabulary's field rules on the fields this workspace maps (docs/vocabulary.md), written
# out again here: (entity, field, rule text, test of one row where the fields are filled).
RULES = [
    ("accounts", "annual_revenue", "annual_revenue ≥ 0", lambda r: Decimal(r["annual_revenue"]) >= 0),
    ("accounts", "employees", "employees ≥ 0", lambda r: int(r["employees"]) >= 0),
    ("products", "list_price", "list_price ≥ 0", lambda r: Decimal(r["list_price"]) >= 0),
    ("opportunities", "closed_at", "closed_at ≥ created_at",
     lambda r: r["created_at"] is None or r["closed_at"] >= r["created_at"]),  # ISO dates sort as text
    ("opportunities", "amount", "amount ≥ 0", lambda r: Decimal(r["amount"]) >= 0),
    ("surveys", "score", "score in 0…10", lambda r: 0 <= Decimal(r["score"]) <= 10),
    ("surveys", "score", "score in 1…5 when type = csat",
     lambda r: r["type"] != "csat" or 1 <= Decimal(r["score"]) <= 5),
    ("quotas", "period_end", "period_end ≥ period_start", lambda r: r["period_end"] >= r["period_start"]),
    ("quotas", "target", "target ≥ 0", lambda r: Decimal(r["target"]) >= 0),
]


def cell(raw, spec):
    """Value of one mapped field for one source row; None is null."""
    if isinstance(spec, str):
        spec = {"column": spec}
    if "value" in spec:
        return spec["value"]
    v = raw[spec["column"]]  # KeyError = mapping names a missing column
    if v == "":
        return spec.get("default")
    if "map" in spec:
        return spec["map"].get(v, v)  # unmapped values pass through, then fail the enum check
    return v


def load_entity(entity):
    rows = []
    for m in MAPPINGS[entity]:
        specs = dict(m["fields"])
        specs.update({k: c for k, c in m.get("custom", {}).items()})
        mapped = [{f: cell(raw, s) for f, s in specs.items()} for raw in read_csv(m["file"])]
        if m.get("distinct"):
            seen, kept = set(), []
            for r in mapped:
                key = tuple(sorted(r.items()))
                if key not in seen:
                    seen.add(key)
                    kept.append(r)
            mapped = kept
        rows.extend(mapped)
    return rows


def parses(value, ftype, values):
    try:
        if ftype == "integer":
            int(value)
        elif ftype == "decimal":
            Decimal(value)
        elif ftype == "date":
            datetime.strptime(value, DATE_FORMAT)
        elif ftype == "datetime":
            datetime.strptime(value, DATETIME_FORMAT)
        elif ftype == "enum":
            return value in values
        return True
    except (ValueError, InvalidOperation):
        return False


def number(d):
    return int(d) if d == d.to_integral_value() else float(d)


def main():
    if "--no-toml" not in sys.argv:
        compare_with_toml()

    tables = {e: load_entity(e) for e in MAPPINGS}
    ids = {e: {r["id"] for r in rows if r.get("id") is not None} for e, rows in tables.items()}
    result = {
        "generated_by": "examples/maven-sales/crosscheck.py (Python csv module, independent of the Swift code)",
        "data": "Maven Analytics, CRM Sales Opportunities (examples/maven-sales/data)",
        "null_rule": "empty cell = null",
        "entities": {},
    }
    for entity, rows in tables.items():
        vocab = VOCABULARY[entity]
        custom = {}
        for m in MAPPINGS[entity]:
            custom.update({k: (c["type"], c.get("values") or c.get("references"))
                           for k, c in m.get("custom", {}).items()})
        mapped_fields = sorted({f for m in MAPPINGS[entity] for f in m["fields"]})
        allf = {**vocab, **custom}

        def vals(f):
            return [r.get(f) for r in rows if r.get(f) is not None]

        info = {
            "rows": len(rows),
            "mapped_fields": mapped_fields,
            "fields": {f: len(vals(f)) for f in vocab},
            "custom_fields": {f: len(vals(f)) for f in custom},
            "null_counts": {f: len(rows) - len(vals(f)) for f in allf if vals(f)},
            "invalid_values": {},
        }
        for f, (ftype, extra) in allf.items():
            bad = sorted({v for v in vals(f) if not parses(v, ftype, extra)})
            if ftype in ("integer", "decimal", "date", "datetime", "enum"):
                info["invalid_values"][f] = {
                    "count": sum(1 for v in vals(f) if not parses(v, ftype, extra)),
                    "examples": bad[:5]}

        counts = {}
        for v in vals("id"):
            counts[v] = counts.get(v, 0) + 1
        dups = sorted(k for k, n in counts.items() if n > 1)
        info["duplicate_ids"] = {"count": len(dups),
                                 "rows": sum(counts[k] for k in dups),
                                 "examples": dups[:5]}

        info["references"] = {}
        for f, (ftype, target) in allf.items():
            if ftype != "reference":
                continue
            vs = vals(f)
            missing = [v for v in vs if v not in ids[target]]
            info["references"][f] = {"target": target, "non_null": len(vs),
                                     "unresolved": len(missing),
                                     "examples": sorted(set(missing))[:5]}

        info["dates"] = {}
        for f, (ftype, _) in allf.items():
            if ftype not in ("date", "datetime"):
                continue
            ds = sorted(v for v in vals(f) if parses(v, ftype, None))
            if ftype == "datetime":  # read in the workspace timezone, UTC; spans print as ISO 8601
                ds = [datetime.strptime(v, DATETIME_FORMAT).strftime("%Y-%m-%dT%H:%M:%SZ") for v in ds]
            info["dates"][f] = {"min": ds[0], "max": ds[-1]} if ds else {"min": None, "max": None}

        info["rule_violations"] = {
            text: sum(1 for r in rows if r.get(field) is not None and not test(r))
            for e, field, text, test in RULES if e == entity}

        if entity == "opportunities":
            stages = VOCABULARY["opportunities"]["stage"][1]
            info["stage_counts"] = {s: sum(1 for r in rows if r["stage"] == s) for s in stages}
            info["stage_counts"]["null"] = sum(1 for r in rows if r["stage"] is None)
            won = [r for r in rows if r["stage"] == "won"]
            info["won_amount_sum"] = number(sum((Decimal(r["amount"]) for r in won
                                                 if r["amount"] is not None), Decimal(0)))
            info["won_rows_with_null_amount"] = sum(1 for r in won if r["amount"] is None)
            closed = [r for r in rows if r["stage"] in ("won", "lost")]
            opened = [r for r in rows if r["stage"] not in ("won", "lost")]
            info["closed_rows"] = len(closed)
            info["closed_rows_with_null_closed_at"] = sum(1 for r in closed if r["closed_at"] is None)
            info["open_rows"] = len(opened)
            info["open_rows_with_null_closed_at"] = sum(1 for r in opened if r["closed_at"] is None)
        result["entities"][entity] = info

    OUT.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(HERE)}")
    for e, info in result["entities"].items():
        unres = {f: r["unresolved"] for f, r in info["references"].items() if r["unresolved"]}
        print(f"  {e}: {info['rows']} rows; unresolved references {unres or 'none'}")


def compare_with_toml():
    """Assert yardstick.toml states the same mapping as MAPPINGS (no Yardstick code used)."""
    import tomllib
    with open(HERE / "yardstick.toml", "rb") as fh:
        cfg = tomllib.load(fh)
    assert cfg["formats"]["date"] == DATE_FORMAT, "date format differs"
    assert cfg["sources"]["export"]["path"] == "data", "source folder differs"
    for entity, mine in MAPPINGS.items():
        theirs = cfg["entities"][entity]
        if isinstance(theirs, dict):
            theirs = [theirs]
        norm = lambda ms: [{k: v for k, v in m.items() if not (k == "distinct" and v is False)} for m in ms]
        assert norm(theirs) == norm(mine), f"yardstick.toml maps {entity} differently:\n{theirs}\n!=\n{mine}"


if __name__ == "__main__":
    main()
