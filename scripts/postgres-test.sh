#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests that read one (docs/workspace.md, "PostgreSQL
# sources"): installs Debian's postgresql when initdb is missing, creates a cluster in a
# temporary folder owned by an unprivileged user (initdb refuses root; CI runs as root), starts
# it on 127.0.0.1 on a free port, loads the Maven example's CSV files with COPY into typed
# tables, runs a command with the connection in YARDSTICK_POSTGRES_URL and
# YARDSTICK_POSTGRES_PASSWORD, and stops and removes the server on exit, whatever happens.
#
#   scripts/postgres-test.sh                  # the Swift tests that need the server
#   scripts/postgres-test.sh -- COMMAND ...   # any command, with the server up (benchmarks)
#
# YARDSTICK_POSTGRES_KEEP=1 leaves the folder in place for a look after a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ] || ! command -v psql >/dev/null 2>&1; then
  echo "postgres-test: installing Debian's postgresql" >&2
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-client >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-client >/dev/null
  fi
  bindir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi

# The server runs as an ordinary user: ourselves, or when we are root, Debian's `postgres`
# account (created by the package) or a dedicated one.
as_owner=()
owner="$(id -un)"
if [ "$(id -u)" = 0 ]; then
  owner=postgres
  if ! id "$owner" >/dev/null 2>&1; then
    owner=yardstick-pg
    id "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
  fi
  as_owner=(runuser -u "$owner" --)
fi

folder="$(mktemp -d "${TMPDIR:-/tmp}/yardstick-postgres.XXXXXX")"
chmod 755 "$folder"
data="$folder/data"
stop() {
  status=$?
  if [ -f "$data/postmaster.pid" ]; then
    "${as_owner[@]}" "$bindir/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [ "${YARDSTICK_POSTGRES_KEEP:-0}" = 1 ]; then
    echo "postgres-test: kept $folder" >&2
  else
    rm -rf "$folder"
  fi
  exit "$status"
}
trap stop EXIT INT TERM

password="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
printf '%s\n' "$password" >"$folder/pwfile"
chown -R "$owner" "$folder"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"

"${as_owner[@]}" "$bindir/initdb" -D "$data" -U yardstick --pwfile="$folder/pwfile" --auth=scram-sha-256 \
  --encoding=UTF8 --locale=C.UTF-8 >"$folder/initdb.log" 2>&1 || { cat "$folder/initdb.log" >&2; exit 1; }
rm -f "$folder/pwfile"
"${as_owner[@]}" "$bindir/pg_ctl" -D "$data" -l "$folder/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $folder -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c timezone=UTC" \
  start >/dev/null || { cat "$folder/server.log" >&2; exit 1; }

export PGHOST=127.0.0.1 PGPORT="$port" PGUSER=yardstick PGPASSWORD="$password"
psql -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE crm"

# The Maven example as a CRM database would hold it: typed columns, NULL for empty cells, a
# double precision column (accounts.revenue), numerics, dates and a timestamp with time zone.
maven="$root/examples/maven-sales/data"
psql -q -v ON_ERROR_STOP=1 -d crm <<SQL
CREATE TABLE sales_teams (sales_agent text, manager text, regional_office text);
CREATE TABLE accounts (account text PRIMARY KEY, sector text, year_established integer,
  revenue double precision, employees integer, office_location text, subsidiary_of text);
CREATE TABLE products (product text PRIMARY KEY, series text, sales_price integer);
CREATE TABLE sales_pipeline (opportunity_id text PRIMARY KEY, sales_agent text, product text,
  account text, deal_stage text, engage_date date, close_date date, close_value numeric(12,2));
CREATE TABLE quotas (quota_id text PRIMARY KEY, agent text, team text, period_start date,
  period_end date, metric text, target numeric, stretch numeric, challenge numeric);
CREATE TABLE ratings (survey_id text PRIMARY KEY, kind text, agent text, account text,
  submitted_at timestamp with time zone, score smallint, comment text);
\copy sales_teams FROM '$maven/sales_teams.csv' WITH (FORMAT csv, HEADER true)
\copy accounts FROM '$maven/accounts.csv' WITH (FORMAT csv, HEADER true)
\copy products FROM '$maven/products.csv' WITH (FORMAT csv, HEADER true)
\copy sales_pipeline FROM '$maven/sales_pipeline.csv' WITH (FORMAT csv, HEADER true)
\copy quotas FROM '$maven/quotas.csv' WITH (FORMAT csv, HEADER true)
\copy ratings FROM '$maven/ratings.csv' WITH (FORMAT csv, HEADER true)
ANALYZE;
SQL

export YARDSTICK_POSTGRES_URL="postgresql://yardstick@127.0.0.1:$port/crm?sslmode=disable"
export YARDSTICK_POSTGRES_PASSWORD="$password"
echo "postgres-test: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (crm loaded)" >&2

if [ "${1:-}" = "--" ]; then
  shift
  "$@"
else
  swift build --build-tests
  swift test --skip-build --filter 'YardstickPostgresTests|PostgresSourceCLITests'
fi
