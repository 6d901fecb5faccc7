#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for rasd's store tests and print the
# URL to use. Debian, run as root. Idempotent: a second run reuses the
# installed server, the cluster and the running postmaster, and only prints.
#
#   eval "$(.ci/postgres.sh)"     # sets RASD_TEST_POSTGRES_URL
#
# Settings (environment): RASD_PG_DIR (cluster directory), RASD_PG_PORT.
set -euo pipefail

PGDIR="${RASD_PG_DIR:-/var/tmp/rasd-postgres}"
PORT="${RASD_PG_PORT:-54329}"
DB=rasd_test
ROLE=rasd
PASSWORD=rasd

log() { echo "postgres.sh: $*" >&2; }

[ "$(id -u)" = 0 ] || { log "run as root (it installs packages and runs the server as postgres)"; exit 1; }

# 1. The server binaries, from Debian's packages when missing.
find_bindir() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}
BINDIR="$(find_bindir)"
if [ -z "$BINDIR" ] || [ ! -x "$BINDIR/initdb" ]; then
    log "installing the PostgreSQL server (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
    BINDIR="$(find_bindir)"
fi
[ -x "$BINDIR/initdb" ] || { log "no initdb found after install"; exit 1; }

as_postgres() { runuser -u postgres -- "$@"; }

# 2. A cluster of our own in PGDIR (not Debian's main cluster), owned by postgres.
if [ ! -f "$PGDIR/PG_VERSION" ]; then
    log "creating a cluster in $PGDIR"
    mkdir -p "$PGDIR"
    chown postgres:postgres "$PGDIR"
    chmod 700 "$PGDIR"
    as_postgres "$BINDIR/initdb" -D "$PGDIR" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >/dev/null
fi

# 3. The postmaster, listening on 127.0.0.1 only, socket in the cluster dir.
if ! as_postgres "$BINDIR/pg_ctl" -D "$PGDIR" status >/dev/null 2>&1; then
    log "starting the server on 127.0.0.1:$PORT"
    as_postgres "$BINDIR/pg_ctl" -D "$PGDIR" -l "$PGDIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGDIR -c fsync=off" start >/dev/null
fi

psql_admin() { as_postgres psql -X -q -h "$PGDIR" -p "$PORT" -U postgres -d postgres -tA "$@"; }

# 4. Role and database (created once).
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname='$ROLE'")" != "1" ]; then
    psql_admin -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD' CREATEDB"
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname='$DB'")" != "1" ]; then
    psql_admin -c "CREATE DATABASE $DB OWNER $ROLE"
fi

echo "export RASD_TEST_POSTGRES_URL=postgresql://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB"
