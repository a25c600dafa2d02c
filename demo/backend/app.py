"""muster demo backend: a tiny JSON API over PostgreSQL and Redis.

Run with Debian's interpreter (it has python3-psycopg2 and python3-redis):

    BACKEND_PORT=58000 \
    DATABASE_URL=postgresql://postgres:PASSWORD@127.0.0.1:55432/postgres \
    REDIS_URL=redis://127.0.0.1:56379/0 \
    /usr/bin/python3 -u demo/backend/app.py

Endpoints:
    GET  /api/health   checks PostgreSQL (SELECT 1) and Redis (PING) on every call;
                       200 when both answer, 503 naming the one that failed and why
    GET  /api/visits   the visit counter (from the Redis cache, else PostgreSQL)
    POST /api/visits   increments the counter in PostgreSQL, refreshes the cache

DATABASE_URL and REDIS_URL are required: there is deliberately no localhost default.
"""

import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import psycopg2
import redis

CACHE_KEY = "demo:visits"
CONNECT_TIMEOUT = 3  # seconds, for both PostgreSQL and Redis


def log(message):
    print(message, file=sys.stderr, flush=True)


def require_env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        log(f"backend: {name} is not set; refusing to guess a default")
        sys.exit(2)
    return value


def redact_url(url):
    """The URL with its password replaced, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(":" + parts.password + "@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


def one_line(error):
    text = str(error).strip() or type(error).__name__
    return " ".join(text.split())


class Stores:
    def __init__(self, database_url, redis_url):
        self.database_url = database_url
        self.redis = redis.Redis.from_url(
            redis_url,
            socket_timeout=CONNECT_TIMEOUT,
            socket_connect_timeout=CONNECT_TIMEOUT,
        )

    def pg(self):
        # A fresh connection per request: the health check must reflect the database as it
        # is now, and the demo's traffic is tiny.
        return psycopg2.connect(self.database_url, connect_timeout=CONNECT_TIMEOUT,
                                application_name="muster-demo-backend")

    def init_schema(self):
        conn = self.pg()
        try:
            with conn, conn.cursor() as cur:
                cur.execute(
                    "CREATE TABLE IF NOT EXISTS visits ("
                    " id integer PRIMARY KEY CHECK (id = 1),"
                    " count bigint NOT NULL DEFAULT 0)"
                )
                cur.execute("INSERT INTO visits (id, count) VALUES (1, 0) ON CONFLICT (id) DO NOTHING")
        finally:
            conn.close()

    def check_postgres(self):
        conn = self.pg()
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT 1")
                cur.fetchone()
        finally:
            conn.close()

    def check_redis(self):
        if not self.redis.ping():
            raise RuntimeError("PING did not answer PONG")

    def read_visits(self):
        try:
            cached = self.redis.get(CACHE_KEY)
            if cached is not None:
                return int(cached), "redis"
        except redis.RedisError as e:
            log(f"backend: redis cache read failed: {one_line(e)}")
        conn = self.pg()
        try:
            with conn, conn.cursor() as cur:
                cur.execute("SELECT count FROM visits WHERE id = 1")
                row = cur.fetchone()
                count = row[0] if row else 0
        finally:
            conn.close()
        self.redis.set(CACHE_KEY, count)
        return count, "postgres"

    def add_visit(self):
        conn = self.pg()
        try:
            with conn, conn.cursor() as cur:
                cur.execute("UPDATE visits SET count = count + 1 WHERE id = 1 RETURNING count")
                count = cur.fetchone()[0]
        finally:
            conn.close()
        self.redis.set(CACHE_KEY, count)
        return count


class Handler(BaseHTTPRequestHandler):
    server_version = "muster-demo-backend/1"
    protocol_version = "HTTP/1.1"
    stores = None  # set in main()

    def send_json(self, status, payload):
        body = (json.dumps(payload) + "\n").encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def discard_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length > 0:
            self.rfile.read(length)

    def route(self):
        return urlsplit(self.path).path.rstrip("/") or "/"

    def do_GET(self):
        path = self.route()
        if path == "/api/health":
            self.health()
        elif path == "/api/visits":
            self.visits(increment=False)
        else:
            self.send_json(404, {"error": f"no route for GET {path}"})

    def do_HEAD(self):
        self.do_GET()

    def do_POST(self):
        self.discard_body()
        path = self.route()
        if path == "/api/visits":
            self.visits(increment=True)
        else:
            self.send_json(404, {"error": f"no route for POST {path}"})

    def health(self):
        result = {"status": "ok", "postgres": "ok", "redis": "ok"}
        errors = {}
        for name, check in (("postgres", self.stores.check_postgres), ("redis", self.stores.check_redis)):
            try:
                check()
            except Exception as e:  # any failure of a dependency makes us unhealthy
                result[name] = "error"
                errors[name] = one_line(e)
        if errors:
            result["status"] = "error"
            result["errors"] = errors
            self.send_json(503, result)
        else:
            self.send_json(200, result)

    def visits(self, increment):
        try:
            if increment:
                self.send_json(200, {"visits": self.stores.add_visit(), "source": "postgres"})
            else:
                count, source = self.stores.read_visits()
                self.send_json(200, {"visits": count, "source": source})
        except (psycopg2.Error, redis.RedisError) as e:
            self.send_json(503, {"error": one_line(e)})

    def log_message(self, format, *args):
        # One line per request on stderr.
        log(f"{self.address_string()} {self.command} {self.path} -> {format % args}")

    def log_request(self, code="-", size="-"):
        code = getattr(code, "value", code)
        log(f'{self.address_string()} "{self.command} {self.path}" {code}')


def main():
    port = int(os.environ.get("BACKEND_PORT", "8000"))
    host = os.environ.get("BACKEND_HOST", "127.0.0.1")
    database_url = require_env("DATABASE_URL")
    redis_url = require_env("REDIS_URL")

    stores = Stores(database_url, redis_url)
    try:
        stores.init_schema()
    except psycopg2.Error as e:
        log(f"backend: cannot prepare the visits table in {redact_url(database_url)}: {one_line(e)}")
        sys.exit(1)
    Handler.stores = stores

    try:
        server = ThreadingHTTPServer((host, port), Handler)
    except OSError as e:
        log(f"backend: cannot listen on {host}:{port}: {e.strerror or one_line(e)}")
        sys.exit(1)
    server.daemon_threads = True

    def stop(signum, _frame):
        log(f"backend: received {signal.Signals(signum).name}, shutting down")
        # shutdown() waits for serve_forever() to return, which runs in this (main) thread:
        # call it from another thread.
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    print(f"backend listening on {host}:{port}", flush=True)
    started = time.monotonic()
    try:
        server.serve_forever(poll_interval=0.5)
    finally:
        server.server_close()
    log(f"backend: stopped after {time.monotonic() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
