#!/usr/bin/env bash
# The third contender: the demo stack (profiles/demo.yaml) under pm2-runtime, the way a Node shop
# would write it. The same preparation as demo-entrypoint.sh (directories, the generated password,
# initdb on an empty state directory), then `exec pm2-runtime` on demo-ecosystem.config.js.
# pm2 has no dependency order and its wait_ready works only for Node apps that call
# process.send('ready'): every app starts at once, and the backend (which exits when PostgreSQL
# does not answer yet) is restarted by pm2 until it stays up. pm2 stops apps with SIGINT, a clean
# fast shutdown for PostgreSQL.
#   PM2_RUNTIME  the pm2-runtime to run (default: bench/pm2/node_modules/.bin/pm2-runtime, then PATH)
set -eu
DEMO_DIR=${MUSTER_DEMO_DIR:-/tmp/muster-demo-pm2}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PGBIN=/usr/lib/postgresql/15/bin
export PATH=$PGBIN:$PATH
export DEMO_DIR ROOT
export DEMO_PG_PORT=${DEMO_PG_PORT:-55432} DEMO_REDIS_PORT=${DEMO_REDIS_PORT:-56379}
export BACKEND_PORT=${DEMO_BACKEND_PORT:-58000} FRONTEND_PORT=${DEMO_FRONTEND_PORT:-53000}
export PM2_HOME=${PM2_HOME:-$DEMO_DIR/pm2}   # never the user's own ~/.pm2

runtime=${PM2_RUNTIME:-$ROOT/bench/pm2/node_modules/.bin/pm2-runtime}
[ -x "$runtime" ] || runtime=$(command -v pm2-runtime)

as_postgres() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; else "$@"; fi; }

mkdir -p "$DEMO_DIR/pg" "$DEMO_DIR/redis" "$DEMO_DIR/logs" "$DEMO_DIR/run" "$DEMO_DIR/secrets" "$PM2_HOME"
if [ ! -s "$DEMO_DIR/secrets/db_password" ]; then
  head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$DEMO_DIR/secrets/db_password"
fi
DB_PASSWORD=$(cat "$DEMO_DIR/secrets/db_password")
if [ "$(id -u)" = 0 ]; then chown postgres "$DEMO_DIR/pg" "$DEMO_DIR/run"; fi
chmod 0700 "$DEMO_DIR/pg"
if [ ! -f "$DEMO_DIR/pg/PG_VERSION" ]; then
  printf '%s\n' "$DB_PASSWORD" > "$DEMO_DIR/run/initdb-pwfile"
  if [ "$(id -u)" = 0 ]; then chown postgres "$DEMO_DIR/run/initdb-pwfile"; fi
  (cd "$DEMO_DIR" && as_postgres initdb -D "$DEMO_DIR/pg" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      "--pwfile=$DEMO_DIR/run/initdb-pwfile" --no-locale -E UTF8 --no-instructions >/dev/null)
fi
export DATABASE_URL="postgresql://postgres:${DB_PASSWORD}@127.0.0.1:${DEMO_PG_PORT}/postgres"
export REDIS_URL="redis://127.0.0.1:${DEMO_REDIS_PORT}/0" BACKEND_URL="http://127.0.0.1:${BACKEND_PORT}"
export AS_ROOT=$([ "$(id -u)" = 0 ] && echo 1 || echo 0)
exec "$runtime" start "$ROOT/bench/baseline/demo-ecosystem.config.js"
