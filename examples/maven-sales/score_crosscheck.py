#!/usr/bin/env python3
"""Independent cross-check of the Maven example's scorecard models (`yardstick score`).

Usage:  python3 score_crosscheck.py          (from examples/maven-sales)
Writes  expected/score-<model>-<period>.csv for the models maven-sales (model.lua),
        sales-fine (scorecards/sales-fine.lua) and team-view (scorecards/team-view.lua) and the
        periods 2017-10 and 2017-Q4 (whole periods: --as-of after the period's end).

Independence
------------
Plain Python 3 standard library over the raw CSV files in ./data (the Maven export, the
synthetic data/quotas.csv and data/ratings.csv). No Yardstick code and no Lua: the indicator
values come from expected_values.py (the example's independent restatement of every indicator,
already checked value for value against `yardstick run` by the test suite), and the three models
are restated by hand in MODELS below from the model files, including the merge of sales-fine
into the model it extends. The scoring rules are those of docs/scoring.md, re-implemented here:
a disagreement with `yardstick score` points at one of the two. Deterministic: no randomness,
no clock; rows in a fixed order.

Semantics restated (docs/scoring.md, the issue 9 contract)
----------------------------------------------------------
Subjects    maven-sales and sales-fine: the users with role sales (the 35 agents of
            sales_teams.csv, in file order), one peer group (peers = all). team-view: the 6
            manager teams in order of first appearance in sales_teams.csv; a team's values are
            the indicators evaluated on the union of its members' records.
Targets     a constant; or `quota METRIC` from data/quotas.csv: the subject's own rows (an
            agent's rows by `agent`, a team's by `team`) for the metric; every row overlapping
            the period contributes target x overlap days / row days, so monthly rows are summed
            for a quarter and a quarterly row is pro-rated by days to a month (31/92 for 2017-10
            of 2017-Q4). The tier (target | stretch | challenge) reads that column; a row without
            the tier leaves no target. An override whose filter matches the subject (team =
            "Melvin Marxen" in sales-fine) replaces the rule, for the team unit itself too. Peer
            functions have no target.
Completion  direction-aware: higher is better value/target, lower is better target/value; both
            0 -> 1; a zero denominator with the other side positive -> no ratio, target met; a
            negative operand -> no ratio, met by direct comparison.
Functions   linear(zero, full) = 100 (c - zero) / (full - zero), no ratio and met -> cap;
            proportional = linear(0, 1); steps on completion or on value (highest step reached,
            0 below every step; on value "at least" for higher, "at most" for lower is better);
            threshold(at, pass, fail), at 1 -> met ? pass : fail; pass_fail = threshold(1, 100, 0);
            rank = 100 (n - rank) / (n - 1) with competition ranks among the peers with a value;
            percentile = 100 (worse + 1/2 (tied - 1)) / (n - 1); relative_to_mean and
            relative_to_best = 100 x completion against the peer mean or best (no ratio and
            met -> cap). A peer group of one scores 100. Every score is clamped to 0..cap (the
            indicator's cap, else the model's).
Missing     a missing value (or a missing target for a target function) has no score; then the
            indicator's policy: zero (counts 0, weight stays), reweight (left out, siblings'
            shares grow; a dimension whose children are all left out is left out too),
            incomplete (contributes nothing, not re-weighted, the total is marked incomplete:
            no grade, no rank).
Tree        share = weight / sum of the weights of the siblings not left out; total share = the
            product of the shares along the path; contribution = counted score x total share;
            a dimension's score = sum of its children's counted scores x their shares; total =
            sum of the top level's (= sum of every indicator's contribution).
Grades      bands by total, a total within 1e-9 below a minimum earns it; competition ranks
            ("1224") among complete totals, ties within a relative 1e-9; forced distribution
            (sales-fine: A 20 %, B 70 %, C 10 %) applied after ranking: grade i ends at position
            round_half_up(n x cumulative % / 100), the last at n; a tie takes the grade of its
            best position.

Output (one CSV per model and period)
-------------------------------------
The first 17 columns are those of `yardstick score --format csv`:
  period,grain,subject_id,subject_name,model,dimension,indicator,value,target,completion,score,
  weight,contribution,total,grade,rank,status
followed by extras named as the score CSV names them (docs/score-output.md): row_kind,
peer_group, distributed_grade, tier, target_rule, function, policy_applied, share, total_share,
counted_score (ours only: the score that counted), members, member_scores, member_mean,
member_median, member_min, member_max, member_spread, missing_reason. Compare rows by
(period, grain, subject_id, dimension, indicator) and the columns by name.

The model's subjects, in subject order; per subject the tree depth first in model order, each
dimension's row after its children's, then the total row:
  indicator row  row_kind indicator; dimension = its parent's path joined with "/" (empty at the
                 top level); value, target, completion (a fraction: 1.0 = 100 %), score (the
                 function's score, empty when none), weight (declared), contribution (counted
                 score x total share, empty when not counted); status ok | missing (no score;
                 policy_applied says zero | reweight | incomplete, counted_score what counted).
  dimension row  row_kind dimension; dimension = its path, indicator empty; score = its
                 subtotal, weight = declared, contribution; status ok | missing (every child
                 left out: policy_applied reweight) | incomplete (an indicator below it marked
                 the total incomplete).
  total row      row_kind total; dimension and indicator empty; total, grade (banded), rank,
                 distributed_grade (forced distribution); status ok | incomplete | no-scores.
Then the rollup units of the grains the model lists (the 6 teams, 3 departments = regional
offices, the company, with every user below them), each with the same tree of rows:
  indicator row  value = the indicator evaluated at the unit's grain (on the union of its
                 members' records: never the model's formula on member numbers), target = the
                 unit's own target, completion; member_* = the distribution of its members'
                 counted scores of that indicator (members = scored subjects in the unit,
                 member_scores = how many have a score). Target: a constant stays the constant;
                 a quota is the unit's own quota rows (team rows of quotas.csv, pro-rated or
                 summed as above), else the sum of its direct children's targets, each counted
                 once: a team's scored members (their resolved targets, overrides included), a
                 department's teams, the company's departments (team-view: a department's scored
                 teams). Peer functions: no target.
  dimension row  member_* of the members' subtotals of that dimension.
  total row      member_* of the members' complete totals.
  Statistics: count, mean, median (mean of the middle two for an even count), minimum,
  maximum, spread (population standard deviation); missing scores left out.
Numbers: Python repr of doubles (shortest round-trip), integral numbers as integers, empty when
missing. Compare with a numeric tolerance (relative 1e-9): sums of shares may round differently.
"""

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import expected_values as ev

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
OUT = HERE / "expected"

PERIODS = {
    "2017-10": (date(2017, 10, 1), date(2017, 10, 31), date(2017, 9, 1), date(2017, 9, 30)),
    "2017-Q4": (date(2017, 10, 1), date(2017, 12, 31), date(2017, 7, 1), date(2017, 9, 30)),
}

# The indicators' own direction (`better` in indicators/*.lua).
LOWER_IS_BETTER = {"avg_sales_cycle_days", "lost_deals", "complaints"}

COLUMNS = ["period", "grain", "subject_id", "subject_name", "model", "dimension", "indicator", "value", "target",
           "completion", "score", "weight", "contribution", "total", "grade", "rank", "status",
           "row_kind", "peer_group", "distributed_grade", "tier", "target_rule", "function", "policy_applied",
           "share", "total_share", "counted_score", "members", "member_scores", "member_mean", "member_median",
           "member_min", "member_max", "member_spread", "missing_reason"]


# ---------------------------------------------------------------- the models, restated

def kpi(id, weight, score=("proportional",), target=None, cap=None, missing=None, overrides=()):
    return {"kind": "kpi", "id": id, "weight": weight, "score": score, "target": target, "cap": cap,
            "missing": missing, "overrides": list(overrides)}


def dim(id, weight, *children):
    return {"kind": "dimension", "id": id, "weight": weight, "children": list(children)}


LINEAR_50 = ("linear", 0.5, 1.0)
GRADES = [("A", 90), ("B", 75), ("C", 60), ("D", 0)]

# model.lua
COARSE = {
    "id": "maven-sales", "per": "user", "where": {"role": "sales"}, "cap": 120, "missing": "zero",
    "grades": GRADES, "distribution": None, "rollups": ["team", "company"],
    "children": [
        dim("results", 70,
            kpi("won_revenue", 70, LINEAR_50, target=("quota", "revenue", "target")),
            kpi("won_deals", 30, ("rank",))),
        dim("quality", 30,
            kpi("win_rate", 100, ("proportional",), target=("constant", 0.6))),
    ],
}

# scorecards/sales-fine.lua, already merged into model.lua (extends = "maven-sales"): the base's
# settings, its two dimensions with the fields sales-fine gives replaced, then the new nodes.
FINE = {
    "id": "sales-fine", "per": "user", "where": {"role": "sales"}, "cap": 120, "missing": "zero",
    "grades": GRADES, "distribution": [("A", 20), ("B", 70), ("C", 10)], "rollups": ["team", "department", "company"],
    "children": [
        dim("results", 40,
            kpi("won_revenue", 50, LINEAR_50, target=("quota", "revenue", "target"),
                overrides=[({"team": "Melvin Marxen"}, ("quota", "revenue", "stretch"))]),
            kpi("won_deals", 25, ("rank",)),
            kpi("avg_won_deal", 25, ("relative_to_mean",))),
        dim("quality", 20,
            kpi("win_rate", 60, ("steps", [(0.8, 60), (0.9, 80), (1.0, 100), (1.1, 110)], "completion"),
                target=("constant", 0.6)),
            kpi("avg_sales_cycle_days", 40, ("percentile",))),
        dim("tasks", 15,
            kpi("big_deals", 60, ("threshold", 1.0, 100, 40), target=("quota", "big_deals", "target")),
            kpi("products_sold", 40, ("steps", [(3, 60), (4, 80), (5, 100)], "value"), target=("constant", 5))),
        dim("feedback", 15,
            kpi("csat", 70, ("linear", 0.6, 1.0), target=("constant", 4.5), missing="reweight"),
            kpi("complaints", 30, ("threshold", 1.0, 100, 0), target=("constant", 0))),
        dim("crm", 10,
            kpi("account_coverage", 100, LINEAR_50, target=("constant", 0.95), cap=100, missing="incomplete")),
    ],
}

# scorecards/team-view.lua
TEAM_VIEW = {
    "id": "team-view", "per": "team", "where": {}, "cap": 120, "missing": "zero",
    "grades": GRADES, "distribution": None, "rollups": ["department", "company"],
    "children": [
        dim("results", 70,
            kpi("won_revenue", 70, LINEAR_50, target=("quota", "revenue", "target")),
            kpi("revenue_growth", 30, ("rank",))),
        dim("quality", 30,
            kpi("win_rate", 50, ("proportional",), target=("constant", 0.6)),
            kpi("avg_sales_cycle_days", 50, ("relative_to_best",))),
    ],
}

MODELS = [COARSE, FINE, TEAM_VIEW]
FUNCTION_NAMES = {"proportional": "linear", "linear": "linear", "steps": "steps", "threshold": "threshold",
                  "rank": "rank", "percentile": "percentile", "relative_to_mean": "relative-to-mean",
                  "relative_to_best": "relative-to-best"}
PEER_FUNCTIONS = {"rank", "percentile", "relative_to_mean", "relative_to_best"}


# ---------------------------------------------------------------- data

def load_subjects():
    """The users (agents in file order, then managers) and teams as the subject catalogue lists them."""
    with open(DATA / "sales_teams.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    users = [{"id": r["sales_agent"], "team": r["manager"], "role": "sales"} for r in rows]
    teams = []
    for r in rows:
        if r["manager"] not in teams:
            teams.append(r["manager"])
    users += [{"id": m, "team": m, "role": "manager"} for m in teams]
    members = {t: {u["id"] for u in users if u["team"] == t} for t in teams}
    return users, teams, members


def load_quotas():
    with open(DATA / "quotas.csv", newline="", encoding="utf-8") as fh:
        return [{
            "id": r["quota_id"], "user": r["agent"] or None, "team": r["team"] or None,
            "first": date.fromisoformat(r["period_start"]), "last": date.fromisoformat(r["period_end"]),
            "metric": r["metric"],
            "tiers": {t: Decimal(r[t]) for t in ("target", "stretch", "challenge") if r[t]},
        } for r in csv.DictReader(fh)]


def quota_target(quotas, grain, subject_id, metric, tier, first, last):
    """(target or None, rule text, row ids, missing reason) from the subject's own quota rows."""
    key = "user" if grain == "user" else "team"
    rows = [q for q in quotas if q[key] == subject_id and q["metric"] == metric
            and q["first"] <= last and q["last"] >= first]
    if not rows:
        return None, f"quota {metric}", [], "no quota row covers the period"
    if any(tier not in q["tiers"] for q in rows):
        return None, f"quota {metric}", [q["id"] for q in rows], f"a quota row has no {tier} tier"
    total = 0.0
    whole, partial = 0, []
    for q in rows:
        overlap = (min(last, q["last"]) - max(first, q["first"])).days + 1
        length = (q["last"] - q["first"]).days + 1
        if overlap == length:
            total += float(q["tiers"][tier])
            whole += 1
        else:
            total += float(q["tiers"][tier]) * overlap / length
            partial.append(f"{overlap}/{length}")
    if partial:
        rule = f"quota {metric}: pro-rated by days {', '.join(partial)}"
    elif whole > 1:
        rule = f"quota {metric}: {whole} quotas summed"
    else:
        rule = f"quota {metric}"
    return total, rule, [q["id"] for q in rows], None


def as_number(value):
    """A typed value of expected_values (int, dec, num, missing) as a float, or None."""
    kind, x = value
    return None if kind == "missing" else float(x)


# ---------------------------------------------------------------- scoring (docs/scoring.md)

def tied(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def better(a, b, lower):
    return a < b if lower else a > b


def competition_ranks(values, lower):
    order = sorted(range(len(values)), key=lambda i: (values[i] if lower else -values[i], i))
    # Sorting by value then index matches the Swift sort except inside 1e-9 ties, which share
    # a rank either way.
    ranks = [0] * len(values)
    tie_start = 0
    for position, index in enumerate(order):
        if position > 0 and tied(values[order[tie_start]], values[index]):
            ranks[index] = ranks[order[tie_start]]
        else:
            tie_start = position
            ranks[index] = position + 1
    return ranks


def completion(value, target, lower):
    """(ratio or None, met)."""
    met = value <= target if lower else value >= target
    if value < 0 or target < 0:
        return None, met
    if value == 0 and target == 0:
        return 1.0, met
    if lower:
        return (None, met) if value == 0 else (target / value, met)
    return (None, met) if target == 0 else (value / target, met)


def clamp(score, cap):
    return min(max(score, 0.0), cap)


def target_score(function, value, target, lower, cap):
    """(score or None, completion ratio or None)."""
    ratio, met = completion(value, target, lower)
    kind = function[0]
    raw = None
    if kind in ("linear", "proportional"):
        zero, full = (0.0, 1.0) if kind == "proportional" else (function[1], function[2])
        if ratio is not None:
            raw = 100 * (ratio - zero) / (full - zero)
        elif met:
            raw = cap
    elif kind == "steps":
        steps = sorted(function[1])
        if function[2] == "completion":
            if ratio is not None:
                reached = [s for t, s in steps if ratio >= t]
                raw = reached[-1] if reached else 0
            elif met:
                raw = steps[-1][1] if steps else 0
        else:
            reached = [s for t, s in steps if (value <= t if lower else value >= t)]
            raw = (reached[0] if lower else reached[-1]) if reached else 0
    elif kind == "threshold":
        at, passed, failed = function[1], function[2], function[3]
        if at == 1:
            raw = passed if met else failed
        elif ratio is not None:
            raw = passed if ratio >= at else failed
        elif met:
            raw = passed
    return (None if raw is None else clamp(raw, cap)), ratio


def score_leaf(node, inputs, cap):
    """One outcome {score, completion, reason} per input {value, target}, for a peer group."""
    function, lower = node["score"], node["lower"]
    kind = function[0]
    if kind not in PEER_FUNCTIONS:
        outcomes = []
        for x in inputs:
            if x["value"] is None:
                outcomes.append({"score": None, "completion": None, "reason": "the value is missing"})
            elif x["target"] is None:
                outcomes.append({"score": None, "completion": None, "reason": "there is no target"})
            else:
                score, ratio = target_score(function, x["value"], x["target"], lower, cap)
                outcomes.append({"score": score, "completion": ratio,
                                 "reason": None if score is not None else "completion is undefined"})
        return outcomes
    present = [i for i, x in enumerate(inputs) if x["value"] is not None]
    values = [inputs[i]["value"] for i in present]
    outcomes = [{"score": None, "completion": None, "reason": "the value is missing"} for _ in inputs]
    if kind in ("rank", "percentile"):
        ranks = competition_ranks(values, lower)
        n = len(values)
        for position, index in enumerate(present):
            rank = ranks[position]
            score = 100.0
            if n > 1:
                if kind == "rank":
                    score = 100 * (n - rank) / (n - 1)
                else:
                    tie = ranks.count(rank)
                    worse = n - (rank - 1) - tie
                    score = 100 * (worse + 0.5 * (tie - 1)) / (n - 1)
            outcomes[index] = {"score": score, "completion": None, "reason": None}
        return outcomes
    if not values:
        return outcomes
    if kind == "relative_to_mean":
        reference = sum(values) / len(values)
    else:
        reference = min(values) if lower else max(values)
    for index in present:
        ratio, met = completion(inputs[index]["value"], reference, lower)
        if ratio is not None:
            score = clamp(100 * ratio, cap)
        elif met:
            score = cap
        else:
            score = None
        outcomes[index] = {"score": score, "completion": ratio,
                           "reason": None if score is not None else "completion is undefined"}
    return outcomes


def leaves(nodes, path=()):
    for node in nodes:
        if node["kind"] == "kpi":
            yield path, node
        else:
            yield from leaves(node["children"], path + (node["id"],))


def fold(nodes, path, outcome_of, model, state):
    """Folds siblings: returns (results, subtotal or None). Shares relative to the parent (1)."""
    partials = []
    for node in nodes:
        if node["kind"] == "kpi":
            outcome = outcome_of[node["id"]]
            policy = node["missing"] or model["missing"]
            result = {"kind": "kpi", "node": node, "path": path, "outcome": outcome, "policy": None,
                      "counted": outcome["score"]}
            excluded = False
            if outcome["score"] is None:
                result["policy"] = policy
                if policy == "zero":
                    result["counted"] = 0.0
                elif policy == "reweight":
                    excluded = True
                else:
                    state["incomplete"] = True
            partials.append((node, result, excluded))
        else:
            children, subtotal = fold(node["children"], path + (node["id"],), outcome_of, model, state)
            result = {"kind": "dimension", "node": node, "path": path + (node["id"],), "children": children,
                      "counted": subtotal}
            partials.append((node, result, subtotal is None))
    kept = sum(node["weight"] for node, _, excluded in partials if not excluded)
    subtotal = 0.0
    results = []
    for node, result, excluded in partials:
        share = 0.0 if excluded or kept == 0 else node["weight"] / kept
        result["share"] = share
        subtotal += (result["counted"] or 0.0) * share
        result["excluded"] = excluded
        results.append(result)
    return results, (None if kept == 0 else subtotal)


def reshare(results, parent_share):
    for r in results:
        r["total_share"] = parent_share * r["share"]
        r["contribution"] = None if r["counted"] is None else r["counted"] * r["total_share"]
        if r["kind"] == "dimension":
            reshare(r["children"], r["total_share"])


def is_incomplete(result):
    return any((c["kind"] == "kpi" and c["policy"] == "incomplete") or (c["kind"] == "dimension" and is_incomplete(c))
               for c in result["children"])


def grade_of(total, bands):
    for grade, minimum in sorted(bands, key=lambda b: -b[1]):
        if total >= minimum or tied(total, minimum):
            return grade
    return None


def distributed_grades(ranks, shares):
    n = len(ranks)
    ends, cumulative = [], 0.0
    for i, (_, percent) in enumerate(shares):
        cumulative += percent
        ends.append(n if i == len(shares) - 1 else min(n, int(n * cumulative / 100 + 0.5 + 1e-9)))
    out = []
    for rank in ranks:
        index = next((i for i, end in enumerate(ends) if rank - 1 < end), len(shares) - 1)
        out.append(shares[index][0])
    return out


# ---------------------------------------------------------------- one model, one period

def matches(where, subject):
    return all(subject.get(field) in (accepted if isinstance(accepted, list) else [accepted])
               for field, accepted in where.items())


def score_model(model, label, data):
    first, last, prev_first, prev_last = PERIODS[label]
    users, teams, members, opps, surveys, quotas = data
    if model["per"] == "user":
        subjects = [{"grain": "user", "id": u["id"], "team": u["team"], "role": u["role"], "members": {u["id"]}}
                    for u in users]
    else:
        subjects = [{"grain": "team", "id": t, "members": members[t]} for t in teams]
    subjects = [s for s in subjects if matches(model["where"], s)]

    for _, node in leaves(model["children"]):
        node["lower"] = node["id"] in LOWER_IS_BETTER
    values = []
    for s in subjects:
        rows = [o for o in opps if o["owner"] in s["members"]]
        mine = [x for x in surveys if x["user"] in s["members"]]
        values.append(ev.evaluate(rows, opps, first, last, prev_first, prev_last, mine))

    # Targets, then one scoring call per leaf for the whole peer group.
    targets = []
    for s in subjects:
        per_indicator = {}
        for _, node in leaves(model["children"]):
            rule = node["target"]
            for where, override in node["overrides"]:
                if matches(where, s):
                    rule = override
                    break
            if node["score"][0] in PEER_FUNCTIONS or rule is None:
                per_indicator[node["id"]] = {"value": None, "tier": "", "rule": "none", "reason": None}
            elif rule[0] == "constant":
                per_indicator[node["id"]] = {"value": float(rule[1]), "tier": "", "rule": f"constant {rule[1]}",
                                             "reason": None}
            else:
                value, text, _, reason = quota_target(quotas, s["grain"], s["id"], rule[1], rule[2], first, last)
                per_indicator[node["id"]] = {"value": value, "tier": rule[2], "rule": text, "reason": reason}
        targets.append(per_indicator)

    outcomes = {}
    for _, node in leaves(model["children"]):
        cap = node["cap"] if node["cap"] is not None else model["cap"]
        inputs = [{"value": as_number(values[i][node["id"]]),
                   "target": targets[i][node["id"]]["value"]} for i in range(len(subjects))]
        outcomes[node["id"]] = score_leaf(node, inputs, cap)

    cards = []
    for i, s in enumerate(subjects):
        state = {"incomplete": False}
        results, total = fold(model["children"], (), {k: v[i] for k, v in outcomes.items()}, model, state)
        reshare(results, 1.0)
        status = "no-scores" if total is None else "incomplete" if state["incomplete"] else "complete"
        grade = grade_of(total, model["grades"]) if status == "complete" else None
        cards.append({"subject": s, "results": results, "total": total, "status": status, "grade": grade,
                      "rank": None, "distributed": None})
    ranked = [c for c in cards if c["status"] == "complete"]
    ranks = competition_ranks([c["total"] for c in ranked], lower=False)
    distributed = distributed_grades(ranks, model["distribution"]) if model["distribution"] else [None] * len(ranks)
    for card, rank, dgrade in zip(ranked, ranks, distributed):
        card["rank"], card["distributed"] = rank, dgrade

    rows = []
    for i, card in enumerate(cards):
        s = card["subject"]
        base = {"period": label, "grain": s["grain"], "subject_id": s["id"], "subject_name": s["id"],
                "model": model["id"], "peer_group": "all"}

        def emit(results):
            for r in results:
                node = r["node"]
                if r["kind"] == "dimension":
                    emit(r["children"])
                    status = "missing" if r["counted"] is None else "incomplete" if is_incomplete(r) else "ok"
                    rows.append({**base, "row_kind": "dimension", "dimension": "/".join(r["path"]),
                                 "score": num(r["counted"]), "weight": num(node["weight"]),
                                 "contribution": num(r["contribution"]), "status": status,
                                 "policy_applied": "reweight" if r["counted"] is None else "",
                                 "share": num(r["share"]), "total_share": num(r["total_share"]),
                                 "counted_score": num(r["counted"]),
                                 "missing_reason": "every indicator below it was left out" if r["counted"] is None else ""})
                else:
                    target = targets[i][node["id"]]
                    outcome = r["outcome"]
                    reason = outcome["reason"] or ""
                    if outcome["reason"] == "there is no target" and target["reason"]:
                        reason = f"no target: {target['reason']}"
                    rows.append({**base, "row_kind": "indicator", "dimension": "/".join(r["path"]),
                                 "indicator": node["id"], "value": num(as_number(values[i][node["id"]])),
                                 "target": num(target["value"]), "completion": num(outcome["completion"]),
                                 "score": num(outcome["score"]), "weight": num(node["weight"]),
                                 "contribution": num(r["contribution"]),
                                 "status": "ok" if outcome["score"] is not None else "missing",
                                 "tier": target["tier"], "target_rule": target["rule"],
                                 "function": FUNCTION_NAMES[node["score"][0]], "policy_applied": r["policy"] or "",
                                 "share": num(r["share"]), "total_share": num(r["total_share"]),
                                 "counted_score": num(r["counted"]), "missing_reason": reason})

        emit(card["results"])
        rows.append({**base, "row_kind": "total", "total": num(card["total"]), "grade": card["grade"] or "",
                     "rank": "" if card["rank"] is None else str(card["rank"]),
                     "status": "ok" if card["status"] == "complete" else card["status"],
                     "distributed_grade": card["distributed"] or ""})
    return rows, cards, targets


# ---------------------------------------------------------------- rollups


def statistics(values):
    """The member_* columns: count, mean, median, minimum, maximum, population spread."""
    xs = sorted(v for v in values if v is not None)
    if not xs:
        return {"member_scores": "0"}
    n = len(xs)
    mean = sum(xs) / n
    median = xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2
    spread = (sum((x - mean) * (x - mean) for x in xs) / n) ** 0.5
    return {"member_scores": str(n), "member_mean": num(mean), "member_median": num(median),
            "member_min": num(xs[0]), "member_max": num(xs[-1]), "member_spread": num(spread)}


def node_scores(results, path=()):
    """(path, counted score) of every dimension and indicator of one subject, depth first."""
    for r in results:
        if r["kind"] == "dimension":
            yield r["path"], r["counted"]
            yield from node_scores(r["children"])
        else:
            yield r["path"] + (r["node"]["id"],), r["counted"]


def rollup_model(model, label, data, cards, targets):
    """The rollup rows of a model: per unit, each indicator's own value against the unit's own
    target (figure rows), and the distribution of its members' totals and node scores."""
    first, last, prev_first, prev_last = PERIODS[label]
    users, teams, members, opps, surveys, quotas = data
    with open(DATA / "sales_teams.csv", newline="", encoding="utf-8") as fh:
        office_rows = list(csv.DictReader(fh))
    office_of = {r["manager"]: r["regional_office"] for r in office_rows}
    offices = list(dict.fromkeys(r["regional_office"] for r in office_rows))
    # The units: teams (members), departments (their teams), the company; each with its users.
    units = {"team": [(t, members[t], []) for t in teams],
             "department": [(o, set().union(*(members[t] for t in teams if office_of[t] == o)),
                             [t for t in teams if office_of[t] == o]) for o in offices],
             "company": [("Maven", set().union(*members.values()), offices)]}
    child_grain = {"team": None, "department": "team", "company": "department"}
    subject_ids = [c["subject"]["id"] for c in cards]
    target_cache = {}

    def unit_target(node, grain, unit_id):
        """(target, rule) of a unit: its own quota rows, else its children's targets summed."""
        key = (node["id"], grain, unit_id)
        if key in target_cache:
            return target_cache[key]
        rule = node["target"]
        # An override applies to a unit when its filter names the unit itself (team = the
        # unit's id or name; ids are names in this data set).
        for where, override in node["overrides"]:
            if where and all(k in ("id", "name", "team") and unit_id in ([v] if isinstance(v, str) else v)
                             for k, v in where.items()):
                rule = override
                break
        if node["score"][0] in PEER_FUNCTIONS or rule is None:
            result = (None, "none")
        elif rule[0] == "constant":
            result = (float(rule[1]), f"constant {rule[1]}")
        else:
            value, text, _, _ = quota_target(quotas, "team", unit_id, rule[1], rule[2], first, last)
            if value is not None:
                result = (value, text)
            else:
                parts = []
                if model["per"] == "user":
                    # direct members: the model's subjects whose team is this unit
                    parts += [targets[i][node["id"]]["value"] for i, c in enumerate(cards)
                              if c["subject"].get("team") == unit_id]
                elif grain == "department":
                    parts += [targets[i][node["id"]]["value"] for i, c in enumerate(cards)
                              if office_of[c["subject"]["id"]] == unit_id]
                sub = child_grain[grain]
                if sub and not (model["per"] == "team" and sub == "team"):
                    parts += [unit_target(node, sub, u)[0] for u, _, _ in units[sub]
                              if u in dict((x[0], x[2]) for x in units[grain])[unit_id]]
                if not parts or any(p is None for p in parts):
                    result = (None, "no target")
                else:
                    result = (sum(parts), f"quota {rule[1]}: {len(parts)} children summed")
        target_cache[key] = result
        return result

    rows = []
    for grain in model["rollups"]:
        for unit_id, unit_members, _ in units[grain]:
            base = {"period": label, "grain": grain, "subject_id": unit_id, "subject_name": unit_id,
                    "model": model["id"]}
            unit_rows = [o for o in opps if o["owner"] in unit_members]
            unit_surveys = [x for x in surveys if x["user"] in unit_members]
            values = ev.evaluate(unit_rows, opps, first, last, prev_first, prev_last, unit_surveys)
            if model["per"] == "user":
                inside = [c for c in cards if c["subject"]["id"] in unit_members]
            else:
                inside = [c for c in cards if members[c["subject"]["id"]] <= unit_members]
            base["members"] = str(len(inside))
            scores_at = [dict(node_scores(c["results"])) for c in inside]

            def emit(nodes, path):
                for node in nodes:
                    node_path = path + (node["id"],)
                    stats = statistics([scores[node_path] for scores in scores_at])
                    if node["kind"] == "dimension":
                        emit(node["children"], node_path)
                        rows.append({**base, **stats, "row_kind": "dimension", "dimension": "/".join(node_path),
                                     "weight": num(node["weight"]), "status": "ok"})
                        continue
                    value = as_number(values[node["id"]])
                    target, rule = unit_target(node, grain, unit_id)
                    ratio = None
                    if value is not None and target is not None:
                        ratio, _ = completion(value, target, node["id"] in LOWER_IS_BETTER)
                    rows.append({**base, **stats, "row_kind": "indicator", "dimension": "/".join(path),
                                 "indicator": node["id"], "value": num(value), "target": num(target),
                                 "completion": num(ratio), "weight": num(node["weight"]),
                                 "status": "ok" if value is not None else "missing", "target_rule": rule,
                                 "function": FUNCTION_NAMES[node["score"][0]]})

            emit(model["children"], ())
            complete = [c["total"] for c in inside if c["status"] == "complete"]
            rows.append({**base, **statistics(complete), "row_kind": "total", "status": "ok"})
    assert subject_ids  # the model scored someone
    return rows


def num(x):
    if x is None:
        return ""
    x = float(x)
    if x == int(x) and abs(x) < 1e15:
        return str(int(x))
    return repr(x)


def main():
    users, teams, members = load_subjects()
    opps, surveys, _ = ev.load()
    quotas = load_quotas()
    data = (users, teams, members, opps, surveys, quotas)
    OUT.mkdir(exist_ok=True)
    for model in MODELS:
        for label in PERIODS:
            rows, cards, targets = score_model(model, label, data)
            rollups = rollup_model(model, label, data, cards, targets)
            path = OUT / f"score-{model['id']}-{label}.csv"
            with open(path, "w", newline="", encoding="utf-8") as fh:
                writer = csv.DictWriter(fh, fieldnames=COLUMNS, restval="", lineterminator="\n")
                writer.writeheader()
                writer.writerows(rows + rollups)
            top = sorted((c for c in cards if c["rank"]), key=lambda c: c["rank"])[:3]
            leaders = ", ".join(f"{c['rank']}. {c['subject']['id']} {c['total']:.2f} {c['grade']}" for c in top)
            print(f"wrote {path.relative_to(HERE)}: {len(rows)} subject rows, {len(rollups)} rollup rows; {leaders}")


if __name__ == "__main__":
    main()
