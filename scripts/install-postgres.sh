#!/usr/bin/env bash
# The outbox tests start a throwaway PostgreSQL cluster (test/helpers/postgres.ts): this installs the
# server binaries from Debian's package `postgresql` when initdb is not there yet. As root, with apt.
set -euo pipefail
if command -v initdb >/dev/null 2>&1 || compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  exit 0
fi
if [[ "$(id -u)" -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-postgres: installeer het pakket postgresql (initdb, pg_ctl, postgres) of zet PG_BIN" >&2
  exit 1
fi
echo "install-postgres: apt-get install postgresql"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends postgresql >/dev/null
