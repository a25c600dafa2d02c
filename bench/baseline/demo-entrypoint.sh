#!/usr/bin/env bash
# The baseline muster is measured against: the demo stack (profiles/demo.yaml) booted the way the
# shell entrypoints of the incidents did it. Sequential starts, `sleep 1` readiness loops,
# pg_isready, a trap that forwards TERM. Faithful to the pattern, not a straw man: it checks
# readiness before going on and stops PostgreSQL with a fast (INT) shutdown.
set -u
DEMO_DIR=${MUSTER_DEMO_DIR:-/tmp/muster-demo-bash}
PG_PORT=${DEMO_PG_PORT:-55432}
REDIS_PORT=${DEMO_REDIS_PORT:-56379}
BACKEND_PORT=${DEMO_BACKEND_PORT:-58000}
FRONTEND_PORT=${DEMO_FRONTEND_PORT:-53000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PGBIN=/usr/lib/postgresql/15/bin
export PATH=$PGBIN:$PATH

as_postgres() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; else "$@"; fi; }

mkdir -p "$DEMO_DIR/pg" "$DEMO_DIR/redis" "$DEMO_DIR/logs" "$DEMO_DIR/run" "$DEMO_DIR/secrets"
if [ ! -s "$DEMO_DIR/secrets/db_password" ]; then
  head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$DEMO_DIR/secrets/db_password"
fi
DB_PASSWORD=$(cat "$DEMO_DIR/secrets/db_password")
if [ "$(id -u)" = 0 ]; then chown postgres "$DEMO_DIR/pg" "$DEMO_DIR/run"; fi
chmod 0700 "$DEMO_DIR/pg"
printf '%s\n' "$DB_PASSWORD" > "$DEMO_DIR/run/initdb-pwfile"
if [ "$(id -u)" = 0 ]; then chown postgres "$DEMO_DIR/run/initdb-pwfile"; fi

pids=()
shutdown() {
  echo "entrypoint: stopping"
  [ -n "${FRONTEND_PID:-}" ] && kill -TERM "$FRONTEND_PID" 2>/dev/null
  [ -n "${BACKEND_PID:-}" ] && kill -TERM "$BACKEND_PID" 2>/dev/null
  [ -n "${REDIS_PID:-}" ] && kill -TERM "$REDIS_PID" 2>/dev/null
  [ -n "${PG_PID:-}" ] && kill -INT "$PG_PID" 2>/dev/null
  wait
  exit 143
}
trap shutdown TERM INT

if [ ! -f "$DEMO_DIR/pg/PG_VERSION" ]; then
  echo "entrypoint: initdb"
  (cd "$DEMO_DIR" && as_postgres initdb -D "$DEMO_DIR/pg" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      "--pwfile=$DEMO_DIR/run/initdb-pwfile" --no-locale -E UTF8 --no-instructions >/dev/null)
fi

echo "entrypoint: starting postgres"
(cd "$DEMO_DIR" && exec setpriv --reuid=postgres --regid=postgres --init-groups -- postgres -D "$DEMO_DIR/pg" \
    -p "$PG_PORT" -k "$DEMO_DIR/run" -c listen_addresses=127.0.0.1) &
PG_PID=$!
until pg_isready -h 127.0.0.1 -p "$PG_PORT" >/dev/null 2>&1; do sleep 1; done

echo "entrypoint: starting redis"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$DEMO_DIR/redis" --save "" --appendonly no >/dev/null &
REDIS_PID=$!
until redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; do sleep 1; done

echo "entrypoint: starting backend"
export DATABASE_URL="postgresql://postgres:${DB_PASSWORD}@127.0.0.1:${PG_PORT}/postgres"
export REDIS_URL="redis://127.0.0.1:${REDIS_PORT}/0" BACKEND_PORT FRONTEND_PORT BACKEND_URL="http://127.0.0.1:${BACKEND_PORT}"
(cd "$ROOT" && exec /usr/bin/python3 -u demo/backend/app.py >>"$DEMO_DIR/logs/backend.log" 2>&1) &
BACKEND_PID=$!
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:${BACKEND_PORT}/api/health" >/dev/null 2>&1 && break
  sleep 1
done

echo "entrypoint: starting frontend"
(cd "$ROOT" && exec node demo/frontend/server.js) &
FRONTEND_PID=$!
echo "entrypoint: all started"
wait -n
shutdown
