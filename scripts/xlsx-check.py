#!/usr/bin/env python3
"""Reads a workbook written by `yardstick run|score --format xlsx` back with independent readers
and checks it against the CSV of the same report.

    scripts/xlsx-check.py WORKBOOK.xlsx REPORT.csv [--libreoffice] [--sheet=NAME]

openpyxl: the "Results" sheet's (or --sheet's, e.g. `Alerts` for `yardstick alerts`) header starts with the CSV's header, and it has the CSV's rows
in order; each cell equals its CSV field (empty as empty, numbers as numbers equal to the
CSV's, text as the same text); the columns the CSV writes as numbers are numeric cells, the
`period_start`/`period_end`/`window_start`/`window_end` columns dates; every sheet has a
frozen header row and an autofilter. With --libreoffice, LibreOffice (headless) converts the
workbook's first sheet to CSV (so --sheet must then name the first sheet) and the same comparison runs on what it read (numbers within
1e-12 relative, as LibreOffice writes 15 significant digits; a percent cell's `31.25%` is 0.3125).
Exit 0 when everything matches, 1 with the differences listed.
"""
import csv
import datetime
import math
import os
import shutil
import subprocess
import sys
import tempfile

NUMERIC = {
    "value", "target", "completion", "score", "weight", "contribution", "total", "rank", "share",
    "total_share", "cap", "previous", "change_previous", "last_year", "change_last_year", "pipeline",
    "members", "member_scores", "member_mean", "member_median", "member_min", "member_max",
    "member_spread", "months_since", "mark", "expected_completion", "remaining", "remaining_days",
    "needed_per_day", "completion_with_pipeline",
}
DATES = {"period_start", "period_end", "window_start", "window_end", "period_first", "period_last", "as_of"}


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def same_date(field, cell):
    if isinstance(cell, datetime.datetime):
        return cell.date().isoformat() == field
    if isinstance(cell, datetime.date):
        return cell.isoformat() == field
    text = str(cell)
    if text == field:
        return True
    try:
        serial = float(text)
    except ValueError:
        return False
    return (datetime.date(1899, 12, 30) + datetime.timedelta(days=serial)).isoformat() == field


def same_number(field, cell, tolerance):
    expected = float(field)
    if math.isnan(expected):
        return False
    if isinstance(cell, str) and cell.endswith("%"):
        # LibreOffice's CSV keeps a percent cell's % even for raw values: 31.25% is 0.3125.
        actual = float(cell[:-1]) / 100
    else:
        actual = float(cell)
    if tolerance == 0 and expected == actual:
        return True
    # The run's CSV rounds floats to six decimals (docs/run-output.md) while the workbook keeps
    # them whole: a six-decimal field matches a cell within half a millionth.
    decimals = len(field.split(".")[1]) if "." in field and "e" not in field.lower() else 0
    if decimals <= 6 and abs(expected - actual) <= 5e-7 * (1 + 1e-9):
        return True
    if tolerance == 0:
        return False
    return math.isclose(expected, actual, rel_tol=tolerance, abs_tol=1e-300)


def compare(expected, actual, source, tolerance, typed):
    """Compares rows of the CSV with rows read from the workbook; returns the differences."""
    problems = []
    header = expected[0]
    if list(actual[0][: len(header)]) != header:
        return [f"{source}: header {actual[0][:len(header)]} != CSV header {header}"]
    if len(actual) != len(expected):
        problems.append(f"{source}: {len(actual) - 1} rows, the CSV has {len(expected) - 1}")
    for number, (want, got) in enumerate(zip(expected[1:], actual[1:]), start=2):
        for column, field in enumerate(want):
            name = header[column]
            cell = got[column] if column < len(got) else None
            where = f"{source} row {number} column {name}"
            if field == "":
                if cell not in (None, ""):
                    problems.append(f"{where}: {cell!r}, expected empty")
                continue
            if name in DATES:
                # A date column of the CSV (`2017-10-01`): a date cell in openpyxl, the day's
                # serial number (days since 1899-12-30) or the same text in LibreOffice's CSV.
                if not same_date(field, cell):
                    problems.append(f"{where}: {cell!r} is not the day {field!r}")
                continue
            is_number = isinstance(cell, (int, float)) and not isinstance(cell, bool)
            if typed and name in NUMERIC and field not in ("NaN", "inf", "-inf") and not is_number:
                problems.append(f"{where}: {cell!r} is not a number cell (CSV {field!r})")
                continue
            if is_number or (not typed and name in NUMERIC and field not in ("NaN", "inf", "-inf")):
                try:
                    if not same_number(field, cell, tolerance):
                        problems.append(f"{where}: {cell!r} != {field!r}")
                except ValueError:
                    problems.append(f"{where}: {cell!r} is not the number {field!r}")
            elif str(cell) != field:
                problems.append(f"{where}: {cell!r} != {field!r}")
        if len(problems) > 20:
            break
    return problems


def check_openpyxl(workbook_path, expected, sheet_name):
    import openpyxl

    workbook = openpyxl.load_workbook(workbook_path)
    problems = []
    for sheet in workbook.worksheets:
        if sheet.freeze_panes != "A2":
            problems.append(f"sheet {sheet.title}: header row not frozen ({sheet.freeze_panes})")
        if not sheet.auto_filter.ref:
            problems.append(f"sheet {sheet.title}: no autofilter")
    results = workbook[sheet_name]
    rows = [list(row) for row in results.iter_rows(values_only=True)]
    header = rows[0]
    for column, name in enumerate(header):
        if name in DATES:
            for number, row in enumerate(rows[1:], start=2):
                if row[column] is not None and not isinstance(row[column], datetime.datetime):
                    problems.append(f"{sheet_name} row {number} column {name}: {row[column]!r} is not a date")
                    break
    problems += compare(expected, rows, "openpyxl " + sheet_name, 0, True)
    return problems, [sheet.title for sheet in workbook.worksheets]


def check_libreoffice(workbook_path, expected, sheet_name):
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        return ["LibreOffice (soffice) is not installed"]
    with tempfile.TemporaryDirectory() as folder:
        profile = "file://" + os.path.join(folder, "profile")
        # Field separator, text delimiter, UTF-8, first line 1, default cell formats, language,
        # quote all text no, detect special numbers yes, save as shown NO (raw values).
        options = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false"
        subprocess.run(
            [office, "-env:UserInstallation=" + profile, "--headless", "--convert-to", options,
             "--outdir", folder, workbook_path],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        converted = os.path.join(folder, os.path.splitext(os.path.basename(workbook_path))[0] + ".csv")
        rows = read_csv(converted)
    return compare(expected, rows, "LibreOffice " + sheet_name, 1e-12, False)


def main():
    arguments = [argument for argument in sys.argv[1:] if not argument.startswith("--")]
    if len(arguments) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    workbook_path, csv_path = arguments
    expected = read_csv(csv_path)
    sheet_name = next((argument.split("=", 1)[1] for argument in sys.argv[1:] if argument.startswith("--sheet=")), "Results")
    problems, sheets = check_openpyxl(workbook_path, expected, sheet_name)
    checked = "openpyxl"
    if "--libreoffice" in sys.argv:
        problems += check_libreoffice(workbook_path, expected, sheet_name)
        checked += " and LibreOffice"
    for problem in problems:
        print("error: " + problem, file=sys.stderr)
    if problems:
        return 1
    print(f"{os.path.basename(workbook_path)}: {len(expected) - 1} rows equal the CSV ({checked}); sheets {', '.join(sheets)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
