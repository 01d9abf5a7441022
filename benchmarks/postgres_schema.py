#!/usr/bin/env python3
"""Prints the SQL that loads a workspace's CSV files into typed PostgreSQL tables.

    postgres_schema.py DATA_DIR TABLE...

Each column's type is read from the first 20,000 rows of its file: bigint when every non-empty
cell is an integer, numeric when every one is a decimal number, date for YYYY-MM-DD, timestamp
for YYYY-MM-DD HH:MM:SS, text otherwise. Empty cells load as NULL (COPY's CSV default).
"""
import csv
import re
import sys

INTEGER = re.compile(r"-?\d+$")
DECIMAL = re.compile(r"-?\d+\.\d+$")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")


def column_type(cells):
    cells = [c for c in cells if c != ""]
    if not cells:
        return "text"
    for pattern, name in ((INTEGER, "bigint"), (DATE, "date"), (TIMESTAMP, "timestamp")):
        if all(pattern.match(c) for c in cells):
            return name
    if all(INTEGER.match(c) or DECIMAL.match(c) for c in cells):
        return "numeric"
    return "text"


def main():
    data, tables = sys.argv[1], sys.argv[2:]
    for table in tables:
        path = f"{data}/{table}.csv"
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            header = next(reader)
            sample = [row for _, row in zip(range(20000), reader)]
        columns = []
        for index, name in enumerate(header):
            kind = column_type([row[index] for row in sample if index < len(row)])
            if name == "id":
                kind = "text"  # ids are text in the vocabulary, whatever they look like
            columns.append(f'"{name}" {kind}')
        print(f'DROP TABLE IF EXISTS "{table}";')
        print(f'CREATE TABLE "{table}" ({", ".join(columns)});')
        print(f"\\copy \"{table}\" FROM '{path}' WITH (FORMAT csv, HEADER true)")
    print("ANALYZE;")


if __name__ == "__main__":
    main()
