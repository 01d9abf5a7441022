#!/usr/bin/env python3
"""Asserts on the DOM that headless Chromium rendered from a yardstick HTML report.

Score report (--csv given): the leaderboard's rows equal the total rows of the CSV of the same
scoring (names, totals at one decimal, grades, ranks, in rank order); there is one subject card
per scored subject and one rollup row per rollup unit; nothing in the page points outside it
(every href is a fragment, no src, no url( ), no http(s) text); the optional script ran (its
buttons exist); the document's language matches the locale. Run page (--run): one results table
per period and grain, and the same no-external-reference checks. Exits 1 with the failures.
"""

import argparse
import csv
import decimal
import sys
from html.parser import HTMLParser


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []
        self.text = []

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def all_text(self):
        parts = list(self.text)
        for child in self.children:
            parts.append(child.all_text())
        return "".join(parts)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def find_all(self, tag=None, cls=None):
        return [n for n in self.walk() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes())]


VOID = {"meta", "link", "br", "img", "input", "hr", "col", "source", "wbr", "area", "base", "embed", "param", "track"}


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.text.append(data)


def one_decimal(text):
    value = decimal.Decimal(text)
    rounded = value.quantize(decimal.Decimal("0.1"), rounding=decimal.ROUND_HALF_UP)
    return "{:,}".format(rounded)


def check_no_external(root, failures):
    for node in root.walk():
        for name, value in node.attrs.items():
            if value is None:
                continue
            if name == "href" and not value.startswith("#"):
                failures.append(f"<{node.tag} href={value!r}> leaves the page")
            if name in ("src", "srcset", "action", "formaction", "poster", "data", "xlink:href"):
                failures.append(f"<{node.tag} {name}={value!r}> loads something")
            if "url(" in value.replace(" ", "").lower():
                failures.append(f"<{node.tag} {name}=…url(…)> loads something")
            if "http://" in value or "https://" in value:
                failures.append(f"<{node.tag} {name}={value!r}> names a URL")
        if node.tag in ("link", "img", "iframe", "object", "embed", "video", "audio", "base"):
            failures.append(f"<{node.tag}> element in the page")
        if node.tag in ("style", "script"):
            body = node.all_text()
            if "url(" in body or "@import" in body or "http://" in body or "https://" in body:
                failures.append(f"<{node.tag}> refers to something outside the page")


def check_score(root, rows, locale, failures):
    html = root.find_all("html")
    lang = html[0].attrs.get("lang") if html else None
    expected_lang = "zh-CN" if locale.lower().startswith("zh") else "en"
    if lang != expected_lang:
        failures.append(f"html lang is {lang!r}, expected {expected_lang!r}")
    totals = [r for r in rows if r["row_kind"] == "total" and r["grain"] == "user"]
    rollups = [r for r in rows if r["row_kind"] == "total" and r["grain"] != "user"]
    # Equal ranks are listed by name, then id, as every leaderboard lists them (LeaderboardOrder).
    ranked = sorted(
        (r for r in totals if r["rank"]),
        key=lambda r: (int(r["rank"]), r["subject_name"].casefold(), r["subject_id"]))
    board_rows = []
    for table in root.find_all("table", "leaderboard"):
        for body in table.find_all("tbody"):
            board_rows += [tr for tr in body.children if tr.tag == "tr"]
    if len(board_rows) != len(totals):
        failures.append(f"leaderboard has {len(board_rows)} rows, the CSV {len(totals)} subjects")

    def cell(tr, cls):
        found = [td for td in tr.children if td.tag == "td" and cls in td.classes()]
        return found[0].all_text().strip() if found else None

    by_id = {r["subject_id"]: r for r in totals}
    ranked_ids = [r["subject_id"] for r in ranked]
    board_ids = [tr.attrs.get("data-subject") for tr in board_rows]
    # Ranked subjects first, by rank; equal ranks by name.
    if board_ids[: len(ranked_ids)] != ranked_ids:
        failures.append(f"leaderboard order {board_ids[:len(ranked_ids)]} differs from the CSV's ranks {ranked_ids}")
    for tr in board_rows:
        subject = tr.attrs.get("data-subject")
        row = by_id.get(subject)
        if row is None:
            failures.append(f"leaderboard row {subject!r} is not in the CSV")
            continue
        expected = {
            "rank": row["rank"] or "—",
            "name": row["subject_name"],
            "total": (one_decimal(row["total"]) if row["total"] else "—") + ("*" if row["status"] == "incomplete" else ""),
            "grade": row["grade"] or "—",
        }
        for cls, want in expected.items():
            got = cell(tr, cls)
            if got != want:
                failures.append(f"leaderboard {subject} {cls}: page {got!r}, CSV {want!r}")
    cards = root.find_all("article", "card")
    if len(cards) != len(totals):
        failures.append(f"{len(cards)} subject cards, the CSV has {len(totals)} subjects")
    for card in cards:
        if not card.find_all("svg"):
            failures.append(f"card {card.attrs.get('data-subject')} has no chart")
        if not card.find_all("details", "why"):
            failures.append(f"card {card.attrs.get('data-subject')} has no explanations")
    rollup_rows = []
    for table in root.find_all("table", "rollup"):
        for body in table.find_all("tbody"):
            rollup_rows += [tr for tr in body.children if tr.tag == "tr"]
    if len(rollup_rows) != len(rollups):
        failures.append(f"{len(rollup_rows)} rollup rows, the CSV has {len(rollups)} rollup subjects")
    buttons = root.find_all("button", "tool")
    if len(buttons) != 2 * len(root.find_all("section", "cards-section")):
        failures.append(f"{len(buttons)} script buttons: the inline script did not run")
    print(
        f"html-check: {len(board_rows)} leaderboard rows, {len(cards)} cards, {len(rollup_rows)} rollup rows, "
        f"{sum(len(c.find_all('details', 'why')) for c in cards)} explanations, lang {lang}"
    )


def check_run(root, failures):
    tables = root.find_all("table", "results")
    if not tables:
        failures.append("the run page has no results table")
    rows = sum(len(t.find_all("tr")) - 1 for t in tables)
    print(f"html-check: run page with {len(tables)} tables, {rows} rows")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dom", required=True)
    parser.add_argument("--csv")
    parser.add_argument("--screenshot")
    parser.add_argument("--locale", default="en")
    parser.add_argument("--run", action="store_true")
    args = parser.parse_args()
    builder = TreeBuilder()
    with open(args.dom, encoding="utf-8") as handle:
        builder.feed(handle.read())
    root = builder.root
    failures = []
    check_no_external(root, failures)
    if args.run:
        check_run(root, failures)
    else:
        with open(args.csv, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        check_score(root, rows, args.locale, failures)
    if args.screenshot:
        with open(args.screenshot, "rb") as handle:
            head = handle.read(24)
        if head[:8] != b"\x89PNG\r\n\x1a\n":
            failures.append(f"{args.screenshot} is not a PNG")
    for failure in failures:
        print(f"html-check: {failure}", file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
