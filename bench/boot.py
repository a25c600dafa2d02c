#!/usr/bin/env python3
"""Boot, stop and idle cost of muster against the shell entrypoint it replaces (issue 12).

Re-run with: bench/boot.py [--rounds 5] [--idle 60] [--scale 200] [--check-scale 1000]
       or:   bench/boot.py --quick      (a smoke run of about 2-3 minutes: 1 round, short idle)
Build first: mvn -q -B package -DskipTests. Runs as root (PostgreSQL drops to `postgres`).
pm2-runtime is the third contender when it is installed: npm install --prefix bench/pm2
(bench/pm2/package.json), or pm2-runtime on PATH; --no-pm2 leaves it out.

For the demo stack (profiles/demo.yaml) it alternates the contenders in one run (A B C, then
C B A, ...): muster through the `entrypoint` shim (its default flags and, after the first run, its
cached class-data archive), bench/baseline/demo-entrypoint.sh (sequential starts, `sleep 1`
readiness loops, pg_isready: the pattern of the incidents) and bench/baseline/demo-pm2.sh
(pm2-runtime, every app at once, no readiness). Cold rounds start from an empty state directory
(initdb included), warm rounds reuse the cluster of the cold rounds. Per round it records:
  boot       launch -> first 200 of GET /api/health through the frontend (polled every 5 ms): the
             frontend proxies it to the backend, which answers 200 only when PostgreSQL and Redis
             do, so every contender is measured to "the whole stack answers" (GET / alone would
             credit pm2 for a frontend that is up before the database)
  stop       SIGTERM -> the supervisor's exit, and -> all four ports closed
  overhead   (muster only) launch -> the last service ready (frontend included, as in `boot`),
             minus the critical path: the longest chain, along depends_on, of the services' own
             launch -> ready (or completed) times, from muster's own /status timeline; and its
             split: launch -> "preflight" phase, -> "prepare", -> "boot", -> the first launch,
             and the launch gaps (each launch minus the moment its last dependency was ready)
  stop chain (muster only) the services' own stop times (STOPPING -> STOPPED in /_muster/events)
             along the slowest chain of the stop order, and SIGTERM -> exit minus that chain
After the last round, idle RSS, threads and CPU of each supervisor process over --idle seconds.
Scale: --scale trivial services (sleep, no probe; a DAG of depth 5) to all-ready, RSS, threads,
idle CPU; `muster check` time for the demo profile and for --check-scale services.
Results: printed as a Markdown table, appended to nothing; paste into bench/RESULTS.md.
"""
import argparse, json, os, shutil, signal, socket, statistics, subprocess, sys, tempfile, threading, time, urllib.request
from datetime import datetime

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENTRYPOINT = os.path.join(ROOT, "entrypoint")
BASELINE = os.path.join(ROOT, "bench", "baseline", "demo-entrypoint.sh")
PM2 = os.path.join(ROOT, "bench", "baseline", "demo-pm2.sh")
PM2_RUNTIME = os.path.join(ROOT, "bench", "pm2", "node_modules", ".bin", "pm2-runtime")
TICKS = os.sysconf("SC_CLK_TCK")
PORTS = {"DEMO_PG_PORT": 45432, "DEMO_REDIS_PORT": 46379, "DEMO_BACKEND_PORT": 48000, "DEMO_FRONTEND_PORT": 43000}
CONTROL = "127.0.0.1:47860"
READY_URL = f"http://127.0.0.1:{PORTS['DEMO_FRONTEND_PORT']}/api/health"


def port_open(port):
    with socket.socket() as s:
        s.settimeout(0.05)
        return s.connect_ex(("127.0.0.1", port)) == 0


def wait_http(url, deadline):
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=0.5) as r:
                if r.status == 200:
                    return True
        except Exception:
            pass
        time.sleep(0.005)
    return False


def demo_profile(directory):
    """profiles/demo.yaml with the control plane on a bench port (so a running demo does not collide)."""
    text = open(os.path.join(ROOT, "profiles", "demo.yaml")).read().replace("127.0.0.1:7860", CONTROL)
    path = os.path.join(directory, "demo-bench.yaml")
    with open(path, "w") as f:
        f.write(text)
    return path


def start(which, state_dir, profile):
    env = {**os.environ, "NO_COLOR": "1", "MUSTER_DEMO_DIR": state_dir, **{k: str(v) for k, v in PORTS.items()}}
    argv = {"muster": [ENTRYPOINT, "up", "-p", profile], "bash": ["bash", BASELINE], "pm2": ["bash", PM2]}[which]
    return subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def critical_path(services):
    """Longest chain of launch->ready durations along depends_on, in seconds (0 for a skipped task)."""
    by_name = {s["name"]: s for s in services}
    memo = {}

    def own(s):
        if not s.get("startedAt") or not s.get("readyAt"):
            return 0.0
        return (datetime.fromisoformat(s["readyAt"].replace("Z", "+00:00"))
                - datetime.fromisoformat(s["startedAt"].replace("Z", "+00:00"))).total_seconds()

    def longest(name):
        if name not in memo:
            s = by_name[name]
            memo[name] = own(s) + max([longest(d) for d in s.get("dependsOn", []) if d in by_name] or [0.0])
        return memo[name]
    return max(longest(n) for n in by_name)


def instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def muster_overhead(launched_epoch):
    """Launch -> last service ready, minus the critical path; None until every service is ready.

    The end is the last readyAt of all services, not the "all ready" phase: that phase counts the
    required services only, while the critical path (and `boot`) include the optional frontend,
    so subtracting one from the other under-counted muster's overhead by the frontend's start."""
    with urllib.request.urlopen(f"http://{CONTROL}/status", timeout=2) as r:
        doc = json.load(r)
    services = doc["services"]
    if any(s.get("state") not in ("READY", "COMPLETED", "SKIPPED") for s in services):
        return None, None
    last_ready = max(instant(s["readyAt"]) for s in services if s.get("readyAt"))
    return (last_ready - launched_epoch) - critical_path(services), overhead_split(doc, launched_epoch)


def overhead_split(doc, launched_epoch):
    """Where muster's own overhead goes, in seconds: launch -> "preflight" phase (JVM start-up, command
    line, profile), "preflight" -> "prepare", "prepare" -> "boot" (directories, files, secrets, control
    plane), "boot" -> the first launch, and the launch gaps: the sum, over every launched service, of
    its launch minus the moment its last dependency was ready (the time a dependent waits on muster)."""
    phases = {p["name"]: instant(p["at"]) for p in doc["phases"]}
    services = {s["name"]: s for s in doc["services"]}
    launched = [instant(s["startedAt"]) for s in services.values() if s.get("startedAt")]
    gaps = 0.0
    for s in services.values():
        deps = [services[d] for d in s.get("dependsOn", []) if d in services]
        ready = [instant(d.get("readyAt") or d["since"]) for d in deps]
        if s.get("startedAt") and ready:
            gaps += max(0.0, instant(s["startedAt"]) - max(ready))
    marks = [launched_epoch, phases.get("preflight"), phases.get("prepare"), phases.get("boot"), min(launched, default=None)]
    if None in marks:
        return None
    return [b - a for a, b in zip(marks, marks[1:])] + [gaps]


class StopWatch(threading.Thread):
    """Reads muster's /_muster/events (no log lines) during a stop and keeps each service's
    STOPPING and STOPPED instants, so that the stop can be compared with the services' own stop
    times: the goal is SIGTERM -> exit <= the slowest reverse-dependency chain of them + 50 ms."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stopping, self.stopped, self.depends = {}, {}, {}
        self.opened = threading.Event()

    def run(self):
        try:
            with urllib.request.urlopen(f"http://{CONTROL}/_muster/events?logs=0", timeout=30) as stream:
                self.opened.set()
                for raw in stream:
                    line = raw.decode("utf-8", "replace").rstrip("\n")
                    if not line.startswith("data: {"):
                        continue
                    event = json.loads(line[len("data: "):])
                    if "name" not in event or "state" not in event:
                        continue
                    self.depends[event["name"]] = event.get("dependsOn", [])
                    target = {"STOPPING": self.stopping, "STOPPED": self.stopped}.get(event["state"])
                    if target is not None:
                        target[event["name"]] = instant(event["since"])
        except Exception:
            self.opened.set()

    def chain(self):
        """The slowest chain of own stop times (STOPPING -> STOPPED) in stop order: a service stops
        after every service that depends on it. None when the events did not cover the stop."""
        own = {n: self.stopped[n] - self.stopping[n] for n in self.stopping if n in self.stopped}
        if not own:
            return None
        dependents = {n: [m for m, deps in self.depends.items() if n in deps] for n in own}
        memo = {}

        def longest(name):
            if name not in memo:
                memo[name] = own.get(name, 0.0) + max([longest(d) for d in dependents.get(name, [])] or [0.0])
            return memo[name]
        return max(longest(n) for n in own)

    def edges(self):
        """(SIGTERM -> the first service stopping, the last service stopped -> muster's exit), in seconds."""
        if not self.stopping or not self.stopped:
            return None
        return min(self.stopping.values()) - self.sent, self.exited - max(self.stopped.values())


def wait_exit(proc, seconds):
    """Waits for proc's exit, polling waitpid every millisecond. Popen.wait(timeout=...) sleeps with
    a doubling delay of up to 50 ms between polls, which added up to 50 ms to every stop measured."""
    deadline = time.monotonic() + seconds
    while proc.poll() is None:
        if time.monotonic() > deadline:
            raise subprocess.TimeoutExpired(proc.args, seconds)
        time.sleep(0.001)


def stop(proc, watch=None):
    if watch is not None:
        watch.start()
        watch.opened.wait(2)
        time.sleep(0.05)  # the snapshot event is sent first; then nothing until the stop begins
    t0, sent = time.monotonic(), time.time()
    os.kill(proc.pid, signal.SIGTERM)
    wait_exit(proc, 60)
    exited = time.monotonic() - t0
    if watch is not None:
        watch.sent, watch.exited = sent, time.time()
    while any(port_open(p) for p in PORTS.values()) and time.monotonic() - t0 < 60:
        time.sleep(0.005)
    return exited, time.monotonic() - t0


def one_round(which, state_dir, profile, cold):
    if cold and os.path.exists(state_dir):
        shutil.rmtree(state_dir)
    launched_epoch, t0 = time.time(), time.monotonic()
    proc = start(which, state_dir, profile)
    ok = wait_http(READY_URL, t0 + 120)
    boot = time.monotonic() - t0
    overhead, split = None, None
    if which == "muster" and ok:
        deadline = time.monotonic() + 10
        while overhead is None and time.monotonic() < deadline:
            try:
                overhead, split = muster_overhead(launched_epoch)
            except Exception:
                pass
            if overhead is None:
                time.sleep(0.02)
    watch = StopWatch() if which == "muster" and ok else None
    exited, closed = stop(proc, watch)
    if watch is not None:
        watch.join(2)
    chain = watch.chain() if watch is not None else None
    edges = watch.edges() if watch is not None else None
    return {"boot": boot if ok else None, "exit": exited, "closed": closed, "overhead": overhead, "split": split,
            "stop_chain": chain, "stop_edges": edges}


def tree_pids(pid):
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid="], capture_output=True, text=True).stdout.split()
    children = {}
    for p, pp in zip(out[0::2], out[1::2]):
        children.setdefault(int(pp), []).append(int(p))
    return children


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def threads(pid):
    return len(os.listdir(f"/proc/{pid}/task"))


def cpu(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def supervisor_pid(which, proc):
    """The supervising process itself: the JVM (the shim execs java), or the bash script."""
    return proc.pid


def idle(which, state_dir, profile, seconds):
    proc = start(which, state_dir, profile)
    wait_http(READY_URL, time.monotonic() + 120)
    time.sleep(2)
    pid = supervisor_pid(which, proc)
    c0, t0 = cpu(pid), time.monotonic()
    time.sleep(seconds)
    used = (cpu(pid) - c0) / (time.monotonic() - t0) * 100
    result = {"rss_mb": rss_kb(pid) / 1024, "cpu_pct": used, "threads": threads(pid)}
    stop(proc)
    return result


def scale_profile(directory, n, depth=5, control=CONTROL):
    lines = ["version: 1", f"name: scale{n}", "control: { listen: \"" + control + "\" }", "services:"]
    per_level = max(1, n // depth)
    for i in range(n):
        level = min(i // per_level, depth - 1)
        lines.append(f"  s{i}:")
        lines.append("    command: [sleep, \"3600\"]")
        if level > 0:
            parent = (level - 1) * per_level + (i % per_level)
            lines.append(f"    depends_on: [s{parent}]")
    path = os.path.join(directory, f"scale{n}-depth{depth}.yaml")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path


def scale(directory, n, idle_seconds, depth=5, control=CONTROL):
    profile = scale_profile(directory, n, depth, control)
    t0 = time.monotonic()
    proc = subprocess.Popen([ENTRYPOINT, "up", "-p", profile], cwd=ROOT, env={**os.environ, "NO_COLOR": "1"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    ok = wait_http(f"http://{control}/health", t0 + 120)
    ready = time.monotonic() - t0
    time.sleep(2)
    c0, t1 = cpu(proc.pid), time.monotonic()
    time.sleep(idle_seconds)
    result = {"ready": ready if ok else None, "rss_mb": rss_kb(proc.pid) / 1024, "threads": threads(proc.pid),
              "cpu_pct": (cpu(proc.pid) - c0) / (time.monotonic() - t1) * 100}
    t2 = time.monotonic()
    os.kill(proc.pid, signal.SIGTERM)
    wait_exit(proc, 120)
    result["stop"] = time.monotonic() - t2
    return result


def check_time(profile, runs=7):
    """Median wall time and median CPU time (user + sys) of `muster check`, in seconds.

    CPU time is reported too because on a loaded machine the wall time mostly measures the queue."""
    walls, cpus = [], []
    for _ in range(runs):
        t0 = time.monotonic()
        proc = subprocess.Popen([ENTRYPOINT, "check", "-p", profile], cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env={**os.environ, "NO_COLOR": "1"})
        _, _, usage = os.wait4(proc.pid, 0)
        walls.append(time.monotonic() - t0)
        cpus.append(usage.ru_utime + usage.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def check_row(label, profile, runs):
    wall, used = check_time(profile, runs)
    return (f"{label} (median of {runs})", f"{wall * 1000:.0f} ms wall, {used * 1000:.0f} ms CPU", "–", "", "")


def summary(values):
    values = [v for v in values if v is not None]
    if not values:
        return "n/a"
    return f"{statistics.median(values) * 1000:.0f} ms ({min(values) * 1000:.0f}–{max(values) * 1000:.0f})"


def ratio(mine, theirs):
    """Median of the per-round ratios (rounds are paired: same round, adjacent in time)."""
    pairs = [a / b for a, b in zip(mine, theirs) if a and b]
    return f"{statistics.median(pairs):.2f}" if pairs else "n/a"


def pm2_available():
    return os.access(PM2_RUNTIME, os.X_OK) or shutil.which("pm2-runtime") is not None


def prime_archive():
    """Runs `--version` until the shim maps its cached class-data archive (it makes one in the
    background on a first run), at most 90 s; returns the archive's path, or None.

    Measured runs then use the archive, as every run after a machine's first does."""
    deadline = time.monotonic() + 90
    while True:
        out = subprocess.run([ENTRYPOINT, "--version"], cwd=ROOT, capture_output=True, text=True,
                             env={**os.environ, "JDK_JAVA_OPTIONS": "-Xlog:cds"}).stdout
        opened = [line.split("Opened archive ", 1)[1].rstrip(".") for line in out.splitlines()
                  if "Opened archive " in line]
        mine = [path for path in opened if not path.endswith("/lib/server/classes.jsa")]
        if mine or time.monotonic() > deadline:
            return mine[0] if mine else None
        time.sleep(1)


def demo_rows(work, profile, who, rounds, idle_seconds):
    rows = []
    dirs = {w: os.path.join(work, f"state-{w}") for w in who}
    for mode in ("cold", "warm"):
        results = {w: [] for w in who}
        for r in range(rounds):
            for w in (who if r % 2 == 0 else who[::-1]):
                results[w].append(one_round(w, dirs[w], profile, cold=(mode == "cold")))
        m = results["muster"]

        def cells(key):
            return [summary([x[key] for x in results[w]]) for w in who]

        def ratios(key):
            return [ratio([x[key] for x in m], [x[key] for x in results[w]]) for w in who[1:]]
        rows.append((f"{mode} boot → first 200 of /api/health through the frontend", *cells("boot"), *ratios("boot")))
        rows.append((f"{mode}: muster's own overhead", summary([x["overhead"] for x in m]), *["–"] * (2 * len(who) - 2)))
        splits = [x["split"] for x in m if x.get("split")]
        if splits:
            parts = " / ".join(f"{statistics.median(p[i] for p in splits) * 1000:.0f}" for i in range(5))
            rows.append((f"{mode}: overhead split, ms (launch→preflight / preflight / prepare / boot→first launch / "
                         f"launch gaps)", parts, *["–"] * (2 * len(who) - 2)))
        rows.append((f"{mode}: SIGTERM → exit", *cells("exit"), *ratios("exit")))
        rows.append((f"{mode}: SIGTERM → ports closed", *cells("closed"), *ratios("closed")))
        rows.append((f"{mode}: the services' own slowest stop chain (muster's events)",
                     summary([x["stop_chain"] for x in m]), *["–"] * (2 * len(who) - 2)))
        rows.append((f"{mode}: SIGTERM → exit minus that chain",
                     summary([x["exit"] - x["stop_chain"] for x in m if x["stop_chain"] is not None]),
                     *["–"] * (2 * len(who) - 2)))
        edges = [x["stop_edges"] for x in m if x.get("stop_edges")]
        if edges:
            rows.append((f"{mode}: SIGTERM → first service stopping / last stopped → exit",
                         " / ".join(f"{statistics.median(e[i] for e in edges) * 1000:.0f} ms" for i in range(2)),
                         *["–"] * (2 * len(who) - 2)))
    idle_results = {w: idle(w, dirs[w], profile, idle_seconds) for w in who}
    rows.append((f"idle RSS of the supervisor process ({idle_seconds:.0f} s)",
                 *[f"{idle_results[w]['rss_mb']:.1f} MB" for w in who],
                 *[f"{idle_results['muster']['rss_mb'] / idle_results[w]['rss_mb']:.2f}" for w in who[1:]]))
    rows.append(("threads of the supervisor process", *[str(idle_results[w]["threads"]) for w in who],
                 *[""] * (len(who) - 1)))
    rows.append(("idle CPU of the supervisor process", *[f"{idle_results[w]['cpu_pct']:.3f} % of a core" for w in who],
                 *[""] * (len(who) - 1)))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--idle", type=float, default=60)
    ap.add_argument("--scale", type=int, default=200)
    ap.add_argument("--check-scale", type=int, default=1000)
    ap.add_argument("--check-runs", type=int, default=9)
    ap.add_argument("--skip-demo", action="store_true")
    ap.add_argument("--no-pm2", action="store_true", help="leave pm2-runtime out even when it is installed")
    ap.add_argument("--quick", action="store_true", help="smoke run: 1 round, 10 s idle, 3 check runs")
    ap.add_argument("--scale-control", default=CONTROL, metavar="HOST:PORT",
                    help=f"control.listen of the scale runs and their `check` profiles (default {CONTROL})")
    ap.add_argument("--shapes", action="store_true",
                    help="also --scale services all at depth 1 (width) and as one chain (depth = --scale)")
    args = ap.parse_args()
    if args.quick:
        args.rounds, args.idle, args.check_runs = 1, 10, 3
    who = ["muster", "bash"] + (["pm2"] if pm2_available() and not args.no_pm2 else [])
    work = tempfile.mkdtemp(prefix="muster-bench-")
    os.chmod(work, 0o755)  # PostgreSQL runs as postgres and must reach its directories
    profile = demo_profile(work)
    archive = prime_archive()
    print(f"# bench/boot.py on {os.uname().nodename}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}, "
          f"{datetime.now():%Y-%m-%d %H:%M}; rounds {args.rounds}, idle {args.idle:.0f} s; contenders: {', '.join(who)}; "
          f"muster's class-data archive: {archive or 'none'}")
    rows = []
    if not args.skip_demo:
        rows += demo_rows(work, profile, who, args.rounds, args.idle)
        rows.append(check_row("`muster check` demo profile", profile, args.check_runs))
    s = scale(work, args.scale, min(args.idle, 20), control=args.scale_control)
    rows.append((f"{args.scale} services (depth 5) → all ready", f"{s['ready'] * 1000:.0f} ms" if s["ready"] else "n/a"))
    rows.append((f"{args.scale} services: RSS / threads / idle CPU",
                 f"{s['rss_mb']:.1f} MB / {s['threads']} / {s['cpu_pct']:.3f} %"))
    rows.append((f"{args.scale} services: SIGTERM → exit", f"{s['stop'] * 1000:.0f} ms"))
    if args.shapes:  # cost must grow with the DAG's depth, not its width
        for depth in (1, args.scale):
            shaped = scale(work, args.scale, min(args.idle, 5), depth, args.scale_control)
            rows.append((f"{args.scale} services, depth {depth} → all ready / SIGTERM → exit",
                         f"{shaped['ready'] * 1000:.0f} ms / {shaped['stop'] * 1000:.0f} ms" if shaped["ready"] else "n/a"))
    rows.append(check_row(f"`muster check` {args.scale} services",
                          scale_profile(work, args.scale, control=args.scale_control), args.check_runs)[:2])
    rows.append(check_row(f"`muster check` {args.check_scale} services",
                          scale_profile(work, args.check_scale, control=args.scale_control), args.check_runs)[:2])
    names = {"muster": "muster", "bash": "bash baseline", "pm2": "pm2-runtime"}
    header = ["figure", *[names[w] for w in who], *[f"muster/{w}" for w in who[1:]]]
    print("\n| " + " | ".join(header) + " |\n|" + " --- |" * len(header))
    for row in rows:
        row = tuple(row) + ("",) * (len(header) - len(row))
        print("| " + " | ".join(row) + " |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
