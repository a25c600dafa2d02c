#!/usr/bin/env python3
"""Boot, stop and idle cost of muster against the shell entrypoint it replaces (issue 12).

Re-run with: bench/boot.py [--rounds 5] [--idle 60] [--scale 200] [--check-scale 1000]
Build first: mvn -q -B package -DskipTests. Runs as root (PostgreSQL drops to `postgres`).

For the demo stack (profiles/demo.yaml) it alternates A B A B in one run: A = muster through the
`entrypoint` shim, B = bench/baseline/demo-entrypoint.sh (sequential starts, `sleep 1` readiness
loops, pg_isready: the pattern of the incidents). Cold rounds start from an empty state directory
(initdb included), warm rounds reuse the previous round's cluster. Per round it records:
  boot       launch -> first 200 from the frontend (GET / polled every 5 ms)
  stop       SIGTERM -> the supervisor's exit, and -> all four ports closed
  overhead   (muster only) launch -> all services ready, minus the critical path of the services'
             own launch -> ready times along the dependency graph (from /status)
After the last round, idle RSS and CPU of each supervisor process over --idle seconds.
Scale: --scale trivial services (sleep, no probe; a DAG of depth 5) to all-ready, RSS, threads,
idle CPU; `muster check` time for the demo profile and for --check-scale services.
Results: printed as a Markdown table, appended to nothing; paste into bench/RESULTS.md.
"""
import argparse, json, os, shutil, signal, socket, statistics, subprocess, sys, tempfile, time, urllib.request
from datetime import datetime

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENTRYPOINT = os.path.join(ROOT, "entrypoint")
BASELINE = os.path.join(ROOT, "bench", "baseline", "demo-entrypoint.sh")
TICKS = os.sysconf("SC_CLK_TCK")
PORTS = {"DEMO_PG_PORT": 45432, "DEMO_REDIS_PORT": 46379, "DEMO_BACKEND_PORT": 48000, "DEMO_FRONTEND_PORT": 43000}
CONTROL = "127.0.0.1:47860"


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
    argv = [ENTRYPOINT, "up", "-p", profile] if which == "muster" else ["bash", BASELINE]
    return subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def critical_path(services):
    """Longest chain of launch->ready durations along depends_on, in seconds."""
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


def muster_overhead(launched_epoch):
    with urllib.request.urlopen(f"http://{CONTROL}/status", timeout=2) as r:
        doc = json.load(r)
    ready = [p for p in doc.get("phases", []) if p["name"] == "all ready"]
    if not ready:
        return None
    all_ready = datetime.fromisoformat(ready[0]["at"].replace("Z", "+00:00")).timestamp()
    return (all_ready - launched_epoch) - critical_path(doc["services"])


def stop(proc):
    t0 = time.monotonic()
    os.kill(proc.pid, signal.SIGTERM)
    proc.wait(timeout=60)
    exited = time.monotonic() - t0
    while any(port_open(p) for p in PORTS.values()) and time.monotonic() - t0 < 60:
        time.sleep(0.005)
    return exited, time.monotonic() - t0


def one_round(which, state_dir, profile, cold):
    if cold and os.path.exists(state_dir):
        shutil.rmtree(state_dir)
    launched_epoch, t0 = time.time(), time.monotonic()
    proc = start(which, state_dir, profile)
    ok = wait_http(f"http://127.0.0.1:{PORTS['DEMO_FRONTEND_PORT']}/", t0 + 120)
    boot = time.monotonic() - t0
    overhead = None
    if which == "muster" and ok:
        deadline = time.monotonic() + 10
        while overhead is None and time.monotonic() < deadline:
            try:
                overhead = muster_overhead(launched_epoch)
            except Exception:
                pass
            if overhead is None:
                time.sleep(0.02)
    exited, closed = stop(proc)
    return {"boot": boot if ok else None, "exit": exited, "closed": closed, "overhead": overhead}


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
    wait_http(f"http://127.0.0.1:{PORTS['DEMO_FRONTEND_PORT']}/", time.monotonic() + 120)
    time.sleep(2)
    pid = supervisor_pid(which, proc)
    c0, t0 = cpu(pid), time.monotonic()
    time.sleep(seconds)
    used = (cpu(pid) - c0) / (time.monotonic() - t0) * 100
    result = {"rss_mb": rss_kb(pid) / 1024, "cpu_pct": used, "threads": threads(pid)}
    stop(proc)
    return result


def scale_profile(directory, n, depth=5):
    lines = ["version: 1", f"name: scale{n}", "control: { listen: \"" + CONTROL + "\" }", "services:"]
    per_level = max(1, n // depth)
    for i in range(n):
        level = min(i // per_level, depth - 1)
        lines.append(f"  s{i}:")
        lines.append("    command: [sleep, \"3600\"]")
        if level > 0:
            parent = (level - 1) * per_level + (i % per_level)
            lines.append(f"    depends_on: [s{parent}]")
    path = os.path.join(directory, f"scale{n}.yaml")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path


def scale(directory, n, idle_seconds):
    profile = scale_profile(directory, n)
    t0 = time.monotonic()
    proc = subprocess.Popen([ENTRYPOINT, "up", "-p", profile], cwd=ROOT, env={**os.environ, "NO_COLOR": "1"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    ok = wait_http(f"http://{CONTROL}/health", t0 + 120)
    ready = time.monotonic() - t0
    time.sleep(2)
    c0, t1 = cpu(proc.pid), time.monotonic()
    time.sleep(idle_seconds)
    result = {"ready": ready if ok else None, "rss_mb": rss_kb(proc.pid) / 1024, "threads": threads(proc.pid),
              "cpu_pct": (cpu(proc.pid) - c0) / (time.monotonic() - t1) * 100}
    t2 = time.monotonic()
    os.kill(proc.pid, signal.SIGTERM)
    proc.wait(timeout=120)
    result["stop"] = time.monotonic() - t2
    return result


def check_time(profile, runs=7):
    times = []
    for _ in range(runs):
        t0 = time.monotonic()
        subprocess.run([ENTRYPOINT, "check", "-p", profile], cwd=ROOT, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env={**os.environ, "NO_COLOR": "1"})
        times.append(time.monotonic() - t0)
    return statistics.median(times)


def summary(values):
    values = [v for v in values if v is not None]
    if not values:
        return "n/a"
    return f"{statistics.median(values) * 1000:.0f} ms ({min(values) * 1000:.0f}–{max(values) * 1000:.0f})"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--idle", type=float, default=60)
    ap.add_argument("--scale", type=int, default=200)
    ap.add_argument("--check-scale", type=int, default=1000)
    ap.add_argument("--skip-demo", action="store_true")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="muster-bench-")
    os.chmod(work, 0o755)  # PostgreSQL runs as postgres and must reach its directories
    profile = demo_profile(work)
    rows = []
    print(f"# bench/boot.py on {os.uname().nodename}, {os.cpu_count()} cores, {datetime.now():%Y-%m-%d %H:%M}")
    if not args.skip_demo:
        for mode in ("cold", "warm"):
            results = {"muster": [], "bash": []}
            dirs = {w: os.path.join(work, f"state-{w}") for w in results}
            if mode == "warm":
                for w in results:  # one unmeasured boot creates the cluster
                    one_round(w, dirs[w], profile, cold=True)
            for r in range(args.rounds):
                order = ("muster", "bash") if r % 2 == 0 else ("bash", "muster")
                for w in order:
                    results[w].append(one_round(w, dirs[w], profile, cold=(mode == "cold")))
            m, b = results["muster"], results["bash"]
            ratios = [x["boot"] / y["boot"] for x, y in zip(m, b) if x["boot"] and y["boot"]]
            rows.append((f"{mode} boot → first 200", summary([x["boot"] for x in m]), summary([x["boot"] for x in b]),
                         f"{statistics.median(ratios):.2f}" if ratios else "n/a"))
            rows.append((f"{mode}: muster's own overhead", summary([x["overhead"] for x in m]), "–", ""))
            rows.append((f"{mode}: SIGTERM → exit", summary([x["exit"] for x in m]), summary([x["exit"] for x in b]), ""))
            rows.append((f"{mode}: SIGTERM → ports closed", summary([x["closed"] for x in m]),
                         summary([x["closed"] for x in b]), ""))
        im = idle("muster", os.path.join(work, "state-muster"), profile, args.idle)
        ib = idle("bash", os.path.join(work, "state-bash"), profile, args.idle)
        rows.append((f"idle RSS of the supervisor ({args.idle:.0f} s)", f"{im['rss_mb']:.1f} MB ({im['threads']} threads)",
                     f"{ib['rss_mb']:.1f} MB", f"{im['rss_mb'] / ib['rss_mb']:.1f}"))
        rows.append(("idle CPU of the supervisor", f"{im['cpu_pct']:.3f} % of a core", f"{ib['cpu_pct']:.3f} %", ""))
        rows.append(("`muster check` demo profile (median of 7)", f"{check_time(profile) * 1000:.0f} ms", "–", ""))
    s = scale(work, args.scale, min(args.idle, 20))
    rows.append((f"{args.scale} services (depth 5) → all ready", f"{s['ready'] * 1000:.0f} ms" if s["ready"] else "n/a", "–", ""))
    rows.append((f"{args.scale} services: RSS / threads / idle CPU",
                 f"{s['rss_mb']:.1f} MB / {s['threads']} / {s['cpu_pct']:.3f} %", "–", ""))
    rows.append((f"{args.scale} services: SIGTERM → exit", f"{s['stop'] * 1000:.0f} ms", "–", ""))
    big = scale_profile(work, args.check_scale)
    rows.append((f"`muster check` {args.check_scale} services (median of 7)", f"{check_time(big) * 1000:.0f} ms", "–", ""))
    print("\n| figure | muster | bash baseline | ratio muster/bash |\n| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
