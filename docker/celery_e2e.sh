#!/usr/bin/env bash
# The CeleryExecutor path for real on one machine: PostgreSQL and Redis from
# Debian's packages (private instances on free ports in a temporary folder),
# the api-server, scheduler, dag-processor and one Celery worker, and one
# nightly_ingest run to success. Everything started here is stopped on exit.
#
#   bash docker/celery_e2e.sh [--stages demo|fake|auto] [--date YYYY-MM-DD]
#
# Needs root for apt-get (first run only) and to run Postgres as `postgres`.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}

if ! command -v redis-server >/dev/null || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -q && apt-get install -y -q postgresql redis-server
fi
"$PY" -c "import airflow.providers.celery, psycopg2, psycopg, asyncpg, redis" 2>/dev/null \
  || "$PY" -m pip install -q -e '.[celery]'

PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
WORK=$(mktemp -d /tmp/ocwatch-celery-e2e.XXXXXX)
chmod 755 "$WORK"
free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PGPORT=$(free_port); REDISPORT=$(free_port)
# Throwaway credentials for throwaway services; never printed.
PGPASS=$("$PY" -c 'import secrets; print(secrets.token_hex(16))')
REDISPASS=$("$PY" -c 'import secrets; print(secrets.token_hex(16))')
REDIS_PID=""

cleanup() {
  [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null || true
  su postgres -c "$PGBIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p "$WORK/pg" "$WORK/pgsock" && chown postgres "$WORK/pg" "$WORK/pgsock"
su postgres -c "$PGBIN/initdb -D $WORK/pg -A trust -U postgres" >"$WORK/initdb.log"
su postgres -c "$PGBIN/pg_ctl -D $WORK/pg -l $WORK/pgsock/postgres.log -w \
  -o '-p $PGPORT -k $WORK/pgsock -c listen_addresses=127.0.0.1' start" >/dev/null
PSQL="$PGBIN/psql -h 127.0.0.1 -p $PGPORT -U postgres -q"
$PSQL -c "CREATE USER airflow PASSWORD '$PGPASS'" -c "CREATE DATABASE airflow OWNER airflow"
echo "postgres $($PGBIN/postgres --version | awk '{print $3}') on 127.0.0.1:$PGPORT"

redis-server --port "$REDISPORT" --bind 127.0.0.1 --requirepass "$REDISPASS" \
  --save '' --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
REDIS_PID=$!
for _ in $(seq 50); do redis-cli -p "$REDISPORT" -a "$REDISPASS" --no-auth-warning ping 2>/dev/null | grep -q PONG && break; sleep 0.2; done
echo "redis $(redis-server --version | awk '{print $3}') on 127.0.0.1:$REDISPORT"

export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN="postgresql+psycopg2://airflow:$PGPASS@127.0.0.1:$PGPORT/airflow"
export AIRFLOW__CELERY__BROKER_URL="redis://:$REDISPASS@127.0.0.1:$REDISPORT/0"
export AIRFLOW__CELERY__RESULT_BACKEND="db+postgresql://airflow:$PGPASS@127.0.0.1:$PGPORT/airflow"
export AIRFLOW__CELERY__WORKER_CONCURRENCY=2
"$PY" docker/airflow_e2e.py --home "$WORK/airflow" --celery --timeout 900 "$@"
