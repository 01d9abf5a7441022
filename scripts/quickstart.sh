#!/usr/bin/env bash
# The README's first command: install what is missing, build, put `yardstick` on the PATH, and
# run Yardstick on the shipped example workspace (examples/maven-sales, real Maven Analytics CRM
# data).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Builds the release binary and links it into a bin/ folder on the PATH (scripts/install.sh),
# so that the README's `yardstick …` commands work as written afterwards.
scripts/install.sh
bin=.build/release/yardstick
example=examples/maven-sales
echo
echo "== yardstick check --workspace $example"
# check exits 1 when it finds data problems: the example has real ones (see its README).
"$bin" check --workspace "$example" || [ $? -eq 1 ]
echo
echo "== yardstick run --workspace $example --period 2017-Q4"
"$bin" run --workspace "$example" --period 2017-Q4
echo
echo "== yardstick score --workspace $example --period 2017-Q4 --as-of 2018-01-15"
# The example's scorecard (model.lua): totals, grades and ranks of the agents against their
# quotas, then the team and company rollups.
"$bin" score --workspace "$example" --period 2017-Q4 --as-of 2018-01-15
