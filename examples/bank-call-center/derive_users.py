#!/usr/bin/env python3
"""Derives data/users.csv and data/teams.csv from the call log (examples/bank-call-center).

Usage:  python3 derive_users.py

The log names the agent who served each call in its `server` column (a first name or a
nickname), and `NO_SERVER` when no agent served it. The bank's staff list is not published,
so the users are the distinct `server` values other than NO_SERVER (24 agents), each with
id = name = the value as written, team = "call-center" and role = "agent", sorted by id.
teams.csv holds the one team and the bank above it. Plain Python 3 standard library.
"""

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
LOG = HERE / "data" / "data_anonymous_bank_february.txt"


def main():
    with LOG.open(newline="") as handle:
        servers = {row["server"].strip() for row in csv.DictReader(handle, delimiter="\t")}
    agents = sorted(servers - {"NO_SERVER"})
    with (HERE / "data" / "users.csv").open("w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "name", "team", "role"])
        for agent in agents:
            writer.writerow([agent, agent, "call-center", "agent"])
    with (HERE / "data" / "teams.csv").open("w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "name", "parent", "kind"])
        writer.writerow(["bank", "Anonymous Bank", "", "company"])
        writer.writerow(["call-center", "Call center", "bank", "team"])
    print(f"{len(agents)} agents written to data/users.csv")


if __name__ == "__main__":
    main()
